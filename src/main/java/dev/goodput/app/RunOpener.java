package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.workspace.Autosaver;
import dev.goodput.app.workspace.OpenRequest;
import dev.goodput.app.workspace.OpenedWorkspace;
import dev.goodput.app.workspace.WorkspaceDocument;
import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Window;
import dev.goodput.core.workspace.RecoveryFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Opens runs and workspaces: starts a {@link LoadRunTask} and moves its outcome into the attribution session, the
 * workspace document and the view models. The latest open wins (an earlier load still running is cancelled); a
 * cancelled load changes nothing but the status. Autosaved edits nobody saved are offered back when their run or
 * workspace is opened. Call on the FX thread.
 */
final class RunOpener {
    private final SummaryViewModel summary;
    private final LoadStatus status;
    private final RecentFiles recent;
    private final RunSource source;
    private final Executor executor;
    private final AttributionSession session;
    private final WorkspaceDocument document;
    private final WorkspacePrompts prompts;
    private final Autosaver autosaver;
    private LoadRunTask current;

    RunOpener(SummaryViewModel summary, LoadStatus status, RecentFiles recent, RunSource source, Executor executor,
              AttributionSession session, WorkspaceDocument document, WorkspacePrompts prompts, Autosaver autosaver) {
        this.summary = summary;
        this.status = status;
        this.recent = recent;
        this.source = source;
        this.executor = executor;
        this.session = session;
        this.document = document;
        this.prompts = prompts;
        this.autosaver = autosaver;
    }

    /** Run files, or one workspace file; an empty list shows the empty state. */
    void open(List<Path> requested) {
        List<Path> files = List.copyOf(requested);
        if (abandonCurrent() && files.isEmpty()) {
            status.cancelled();
        }
        if (files.isEmpty()) {
            session.clear();
            document.close();
            summary.showEmpty();
            return;
        }
        start(request(files), files, false);
    }

    /**
     * Offers back the newest autosave of an untitled workspace whose run is not the one about to open (the run
     * being opened is offered its own when it opens). True if the user restored it, and it is opening.
     */
    boolean offerUntitledRecovery(List<Path> opening) {
        List<RecoveryFile.Recovery> found;
        try {
            found = RecoveryFile.find(document.appFolder());
        } catch (IOException e) {
            return false; // no folder yet: nothing was ever autosaved
        }
        RecoveryFile own = opening.isEmpty() || OpenRequest.isWorkspace(opening) ? null
                : document.untitledRecovery(opening);
        for (RecoveryFile.Recovery r : found) {
            if (r.workspaceExists() || r.file().equals(own)) {
                continue;
            }
            if (decide(r, "an untitled workspace")) {
                start(new OpenRequest.WorkspaceFile(null, r.file().path()), List.of(r.file().path()), false);
                return true;
            }
            return false;
        }
        return false;
    }

    private OpenRequest request(List<Path> files) {
        if (!OpenRequest.isWorkspace(files)) {
            RecoveryFile untitled = document.untitledRecovery(files);
            return pending(untitled).filter(r -> decide(r, FileNames.of(files)))
                    .<OpenRequest>map(r -> new OpenRequest.WorkspaceFile(null, untitled.path()))
                    .orElseGet(() -> new OpenRequest.Files(files));
        }
        Path file = files.get(0).toAbsolutePath().normalize();
        if (file.getFileName().toString().endsWith(RecoveryFile.SUFFIX)) { // an autosave opened by hand
            Path ws = new RecoveryFile(file).workspaceFile();
            return new OpenRequest.WorkspaceFile(java.nio.file.Files.exists(ws) ? ws : null, file);
        }
        RecoveryFile recovery = RecoveryFile.of(file);
        boolean restore = pending(recovery).filter(r -> decide(r, file.getFileName().toString())).isPresent();
        return new OpenRequest.WorkspaceFile(file, restore ? recovery.path() : file);
    }

    private static Optional<RecoveryFile.Recovery> pending(RecoveryFile f) {
        try {
            return f.pending();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Asks about an autosave: true to restore it; discarding deletes it, "later" keeps it. */
    private boolean decide(RecoveryFile.Recovery r, String what) {
        switch (prompts.askRestore(what, r.savedAt())) {
            case RESTORE:
                return true;
            case DISCARD:
                autosaver.discard(r.file());
                return false;
            default:
                return false;
        }
    }

    /**
     * @param keepHistory a reload of the workspace shown: the overlay and the undo history carry over
     */
    private void start(OpenRequest request, List<Path> asked, boolean keepHistory) {
        abandonCurrent();
        LoadRunTask task = new LoadRunTask(request, source);
        String what = FileNames.of(asked);
        long started = System.nanoTime();
        current = task;
        status.begin(what, task.progressProperty(), task.messageProperty());
        // Handlers run on the FX thread; the identity check drops the outcome of a load that was superseded.
        task.setOnSucceeded(e -> {
            if (current == task) {
                current = null;
                show(task.getValue(), asked, keepHistory);
                status.succeeded(what, Duration.ofNanos(System.nanoTime() - started));
                OpenedWorkspace w = task.getValue().workspace();
                if (w.recovered()) {
                    status.note("Restored unsaved edits of " + document.nameProperty().get()
                            + "; save to keep them in a workspace file");
                }
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                current = null;
                if (!keepHistory) {
                    session.clear();
                    document.close();
                }
                summary.showFailure(asked, task.getException());
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

    private void show(LoadedRun loaded, List<Path> asked, boolean keepHistory) {
        OpenedWorkspace w = loaded.workspace();
        if (keepHistory && session.isLoaded()) {
            session.rebase(loaded.attributed());
            document.setInputs(w.workspace().inputs());
        } else {
            session.load(loaded.attributed());
            document.open(w);
            if (w.recovered()) {
                autosaver.changed(); // the restored edits stay autosaved until they are saved
            }
        }
        document.setNotices(w.warnings());
        summary.showRun(w.readable(), session.derivationProperty().get(), loaded.profiles());
        recent.add(w.file() != null ? List.of(w.file()) : asked.stream().anyMatch(OpenRequest::isRecovery)
                ? List.of() : asked);
    }

    /** Derives the run shown over {@code window}, keeping its attributions: the figures, table and timeline follow. */
    void rederive(Window window) {
        Derivation base = session.base();
        if (base == null || base.window().equals(window)) {
            return;
        }
        RederiveTask task = new RederiveTask(base, document.settings().derivationSettings(), window,
                summary.profilesProperty().get(), session.overlayProperty().get());
        task.setOnSucceeded(e -> {
            if (session.base() == base) { // a run opened meanwhile wins
                document.setWindow(window);
                session.rebase(task.getValue());
            }
        });
        executor.execute(task);
    }

    /** Reads the inputs of the run shown again (e.g. after they were fixed or grew), keeping the edits. */
    void reload() {
        if (document.openProperty().get()) {
            List<Path> files = List.copyOf(summary.filesProperty());
            start(new OpenRequest.Snapshot(document.snapshot(), document.getFile()), files, true);
        } else if (!summary.filesProperty().isEmpty()) {
            open(List.copyOf(summary.filesProperty())); // a failed open: try it again
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
