package dev.goodput.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Opens runs: starts a {@link LoadRunTask} and moves its outcome into the view models. The latest open wins (an
 * earlier load still running is cancelled); a cancelled load changes nothing but the status. Call on the FX thread.
 */
final class RunOpener {
    private final SummaryViewModel summary;
    private final LoadStatus status;
    private final RecentFiles recent;
    private final RunSource source;
    private final Executor executor;
    private LoadRunTask current;

    RunOpener(SummaryViewModel summary, LoadStatus status, RecentFiles recent, RunSource source, Executor executor) {
        this.summary = summary;
        this.status = status;
        this.recent = recent;
        this.source = source;
        this.executor = executor;
    }

    /** An empty list shows the empty state. */
    void open(List<Path> requested) {
        List<Path> files = List.copyOf(requested);
        if (abandonCurrent() && files.isEmpty()) {
            status.cancelled();
        }
        if (files.isEmpty()) {
            summary.showEmpty();
            return;
        }
        LoadRunTask task = new LoadRunTask(files, source);
        String what = FileNames.of(files);
        long started = System.nanoTime();
        current = task;
        status.begin(what, task.progressProperty(), task.messageProperty());
        // Handlers run on the FX thread; the identity check drops the outcome of a load that was superseded.
        task.setOnSucceeded(e -> {
            if (current == task) {
                current = null;
                summary.showRun(files, task.getValue().derivation(), task.getValue().profiles());
                recent.add(files);
                status.succeeded(what, Duration.ofNanos(System.nanoTime() - started));
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                current = null;
                summary.showFailure(files, task.getException());
                status.failed(what);
            }
        });
        task.setOnCancelled(e -> {
            if (current == task) {
                current = null;
                status.cancelled();
            }
        });
        executor.execute(task);
    }

    /** Derives the run shown over {@code window}: the figures, table and timeline follow. */
    void rederive(dev.goodput.core.derive.Window window) {
        dev.goodput.core.derive.Derivation shown = summary.getDerivation();
        if (shown == null || shown.window().equals(window)) {
            return;
        }
        RederiveTask task = new RederiveTask(shown, window, summary.profilesProperty().get());
        List<Path> files = List.copyOf(summary.filesProperty());
        task.setOnSucceeded(e -> {
            if (summary.getDerivation() == shown) { // a run opened meanwhile wins
                summary.showRun(files, task.getValue(), summary.profilesProperty().get());
            }
        });
        executor.execute(task);
    }

    /** Reads the files shown again, e.g. after they were fixed or grew. */
    void reload() {
        List<Path> files = List.copyOf(summary.filesProperty());
        if (!files.isEmpty()) {
            open(files);
        }
    }

    /** Stops the load in progress; the run shown before stays. */
    void cancel() {
        if (current != null) {
            // The handler (run at once, on this thread) reports the cancellation and clears current.
            current.cancel();
        }
    }

    /** A new open replaces the running load silently: its cancellation is not news. True if one was running. */
    private boolean abandonCurrent() {
        LoadRunTask running = current;
        current = null;
        if (running != null) {
            running.cancel();
        }
        return running != null;
    }
}
