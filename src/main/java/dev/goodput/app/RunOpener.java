package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.workspace.Autosaver;
import dev.goodput.app.workspace.OpenRequest;
import dev.goodput.app.workspace.OpenedWorkspace;
import dev.goodput.app.workspace.WorkspaceDocument;
import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.InputException;
import dev.goodput.core.load.RunFiles;
import dev.goodput.core.workspace.RecoveryFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Opens runs and workspaces: starts a {@link LoadRunTask} and moves its outcome into the attribution session, the
 * workspace document and the view models. The latest open wins (an earlier load still running is cancelled); a
 * cancelled load changes nothing but the status, and a failed one nothing but the status and a notice when a run is
 * shown (with none shown, the Problems panel says why). Autosaved edits nobody saved are offered back when their run or
 * workspace is opened. Unsaved changes to the run shown are asked about only once the new one has been read.
 * Call on the FX thread.
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
    /** The re-derivation over another window still running (it knows its window); null when none. */
    private RederiveTask rederiving;

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
        open(requested, () -> true);
    }

    /**
     * Run files, or one workspace file, replacing the run shown only if {@code mayReplace} says so once they have
     * been read ("save changes first?" is asked then: a file that fails to open asks nothing and replaces nothing).
     * An empty list shows the empty state at once: ask before calling.
     */
    void open(List<Path> requested, BooleanSupplier mayReplace) {
        List<Path> files = List.copyOf(requested);
        if (abandonCurrent() && files.isEmpty()) {
            status.cancelled();
        }
        if (files.isEmpty()) {
            stopRederiving();
            session.clear();
            document.close();
            summary.showEmpty();
            return;
        }
        Optional<OpenRequest> request = request(files);
        if (request.isEmpty()) {
            status.note("Not opened: its autosaved edits are kept until you restore or discard them");
            return;
        }
        start(request.get(), files, false, mayReplace);
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
                : document.untitledRecovery(listed(opening));
        for (RecoveryFile.Recovery r : found) {
            if (r.workspaceExists() || r.file().equals(own)) {
                continue;
            }
            if (decide(r, "an untitled workspace", false) == WorkspacePrompts.Restore.RESTORE) {
                start(new OpenRequest.WorkspaceFile(null, r.file().path()), List.of(r.file().path()), false,
                        () -> true);
                return true;
            }
            return false;
        }
        return false;
    }

    /** What to read, after asking about a pending autosave of it; empty when the user cancelled the open. */
    private Optional<OpenRequest> request(List<Path> files) {
        if (!OpenRequest.isWorkspace(files)) {
            RecoveryFile untitled = document.untitledRecovery(listed(files));
            Optional<RecoveryFile.Recovery> pending = pending(untitled);
            if (pending.isEmpty()) {
                return Optional.of(new OpenRequest.Files(files));
            }
            return switch (decide(pending.get(), FileNames.of(files), true)) {
                case RESTORE -> Optional.of(new OpenRequest.WorkspaceFile(null, untitled.path()));
                case DISCARD -> Optional.of(new OpenRequest.Files(files));
                case LATER -> Optional.empty();
            };
        }
        Path file = files.get(0).toAbsolutePath().normalize();
        if (OpenRequest.isRecovery(file)) { // an autosave opened by hand
            Path ws = new RecoveryFile(file).workspaceFile();
            return Optional.of(new OpenRequest.WorkspaceFile(Files.exists(ws) ? ws : null, file));
        }
        RecoveryFile recovery = RecoveryFile.of(file);
        Optional<RecoveryFile.Recovery> pending = pending(recovery);
        if (pending.isEmpty()) {
            return Optional.of(new OpenRequest.WorkspaceFile(file, file));
        }
        return switch (decide(pending.get(), file.getFileName().toString(), true)) {
            case RESTORE -> Optional.of(new OpenRequest.WorkspaceFile(file, recovery.path()));
            case DISCARD -> Optional.of(new OpenRequest.WorkspaceFile(file, file));
            case LATER -> Optional.empty();
        };
    }

    /**
     * The files an untitled workspace of these is made of (folders expanded, as the load names its inputs), so a
     * folder's autosave is found again; as given when they cannot be listed (the load then says why).
     */
    private static List<Path> listed(List<Path> files) {
        try {
            return RunFiles.list(files);
        } catch (InputException e) {
            return files;
        }
    }

    private static Optional<RecoveryFile.Recovery> pending(RecoveryFile f) {
        try {
            return f.pending();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Asks about an autosave; discarding deletes it (at once), "later" keeps it. */
    private WorkspacePrompts.Restore decide(RecoveryFile.Recovery r, String what, boolean opening) {
        WorkspacePrompts.Restore answer = prompts.askRestore(what, r.savedAt(), opening);
        if (answer == WorkspacePrompts.Restore.DISCARD) {
            autosaver.discard(r.file());
        }
        return answer;
    }

    /**
     * @param keepHistory a reload of the workspace shown: the overlay and the undo history carry over
     * @param mayReplace  asked once the files are read: false keeps the run shown and drops what was read
     */
    private void start(OpenRequest request, List<Path> asked, boolean keepHistory, BooleanSupplier mayReplace) {
        abandonCurrent();
        LoadRunTask task = new LoadRunTask(request, source);
        Map<String, Integer> givenColours = session.colourBook().assigned();
        String what = FileNames.of(asked);
        long started = System.nanoTime();
        current = task;
        status.begin(what, task.progressProperty(), task.messageProperty());
        // Handlers run on the FX thread; the identity check drops the outcome of a load that was superseded.
        task.setOnSucceeded(e -> {
            if (current == task) {
                current = null;
                if (!mayReplace.getAsBoolean()) {
                    keepColours(givenColours);
                    status.cancelled();
                    status.note("Not opened: " + what + " (the run shown and its unsaved changes stay)");
                    return;
                }
                show(task.getValue(), request, asked, keepHistory);
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
                if (keepHistory) {
                    status.reloadFailed(what);
                } else {
                    status.failed(what);
                }
                if (summary.getDerivation() != null) {
                    keepColours(givenColours);
                    keepShown(status.outcomeProperty().get(), task.getException());
                    return;
                }
                // Nothing shown to keep: the Problems panel says why, and Reload tries the files again.
                session.clear();
                document.close();
                summary.showFailure(asked, task.getException());
            }
        });
        task.setOnCancelled(e -> {
            if (current == task) {
                current = null;
                status.cancelled();
            }
            if (summary.getDerivation() != null && current == null) {
                keepColours(givenColours);
            }
        });
        executor.execute(task);
    }

    /**
     * A load that did not get shown may have loaded its workspace's colours into the book already (just before it
     * failed or was cancelled): the run still shown is drawn in its own again.
     */
    private void keepColours(Map<String, Integer> given) {
        session.colourBook().load(session.chosenColoursProperty().get(), given);
    }

    /**
     * An open (or reload) failed while a run is shown: the run stays exactly as it was (figures, window, timeline,
     * edits and their undo history, title), and a notice above the figures says what failed and why. The answer to
     * "save changes first?" may have removed the autosave of edits still shown: they autosave again.
     */
    private void keepShown(String failed, Throwable why) {
        document.openFailed(failed + " (the run shown stays as it was): " + SummaryViewModel.reason(why));
        if (document.isDirty()) {
            autosaver.changed();
        }
    }

    private void show(LoadedRun loaded, OpenRequest request, List<Path> asked, boolean keepHistory) {
        stopRederiving(); // a window chosen for the run shown before: the run read now replaces it
        OpenedWorkspace w = loaded.workspace();
        if (keepHistory && session.isLoaded()) {
            document.setInputs(w.workspace().inputs());
            if (w.workspace().settings().window() != null) {
                document.setWindow(w.workspace().settings().window());
            }
            session.rebase(loaded.attributed());
        } else {
            document.open(w);
            session.load(loaded.attributed());
            if (w.recovered() && request instanceof OpenRequest.WorkspaceFile f) {
                autosaver.adopt(new RecoveryFile(f.readFrom())); // the restored edits stay autosaved, in their place
            }
        }
        document.setNotices(w.warnings());
        summary.showRun(w.readable(), w.missing(), session.derivationProperty().get(), loaded.profiles(),
                session.attribution().ruleWarnings());
        recent.add(w.file() != null ? List.of(w.file()) : asked.stream().anyMatch(OpenRequest::isRecovery)
                ? List.of() : asked);
    }

    /**
     * Derives the run shown over {@code window}, keeping its attributions: the figures, table and timeline follow.
     * The latest choice wins: a re-derivation still running for an earlier choice is cancelled.
     */
    void rederive(Window window) {
        Derivation base = session.base();
        Window target = rederiving != null ? rederiving.window() : base == null ? null : base.window();
        if (base == null || window.equals(target)) {
            return;
        }
        if (rederiving != null) {
            rederiving.cancel();
        }
        RederiveTask task = new RederiveTask(base, document.settings().derivationSettings(), window,
                summary.profilesProperty().get(), session.overlayProperty().get());
        rederiving = task;
        task.setOnSucceeded(e -> {
            if (rederiving == task) {
                rederiving = null;
                if (session.base() == base) { // a run opened meanwhile wins
                    document.setWindow(window);
                    session.rebase(task.getValue());
                }
            }
        });
        task.setOnFailed(e -> {
            if (rederiving == task) {
                rederiving = null;
                status.note("Could not derive over that window: " + task.getException().getMessage());
            }
        });
        executor.execute(task);
    }

    /**
     * Reads the inputs of the run shown again (e.g. after they were fixed or grew), keeping the edits, their undo
     * history and the window chosen (also one still being derived).
     */
    void reload() {
        if (document.openProperty().get()) {
            var snapshot = document.snapshot();
            if (rederiving != null) {
                snapshot = snapshot.withSettings(snapshot.settings().withWindow(rederiving.window()));
                stopRederiving();
            }
            List<Path> files = List.copyOf(summary.filesProperty());
            start(new OpenRequest.Snapshot(snapshot, document.getFile()), files, true, () -> true);
        } else if (!summary.filesProperty().isEmpty()) {
            open(List.copyOf(summary.filesProperty())); // a failed open: try it again
        }
    }

    private void stopRederiving() {
        if (rederiving != null) {
            rederiving.cancel();
            rederiving = null;
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
