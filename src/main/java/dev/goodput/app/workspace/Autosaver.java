package dev.goodput.app.workspace;

import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes unsaved edits to the workspace's recovery file, so a crash or kill loses nothing: a short pause after the
 * last change (a burst of edits is one write), then one atomic write on a background writer. Writes never overlap
 * and the newest state always wins: a change made while a write runs is written after it. When nothing is unsaved
 * any more (saved, or undone back to the saved state) the recovery file is deleted.
 */
public final class Autosaver {
    /** The pause after the last change; short enough that a kill loses at most this much typing. */
    public static final Duration DELAY = Duration.millis(400);

    private final WorkspaceDocument document;
    private final Executor writer;
    private final Consumer<String> problems;
    private final PauseTransition pause = new PauseTransition(DELAY);
    /** The next job for the writer; a job queued but not yet started is replaced by a newer one. */
    private final AtomicReference<Runnable> pending = new AtomicReference<>();

    /**
     * @param writer   runs the writes in order, one at a time (a single-thread executor)
     * @param problems told (on the FX thread) when a write fails, e.g. a full disk
     */
    public Autosaver(WorkspaceDocument document, Executor writer, Consumer<String> problems) {
        this.document = document;
        this.writer = writer;
        this.problems = problems;
        pause.setOnFinished(e -> flush());
    }

    /** Something changed: write it after the pause. */
    public void changed() {
        pause.playFromStart();
    }

    /** Writes now (e.g. before a prompt that may end the app). */
    public void flush() {
        pause.stop();
        RecoveryFile target = document.recoveryFile();
        if (!document.openProperty().get()) {
            return;
        }
        if (document.isDirty()) {
            Workspace ws = document.snapshotFor(target.workspaceFile());
            submit(() -> write(target, ws));
        } else {
            submit(() -> delete(target));
        }
    }

    /** The recovery is no longer wanted (a save wrote the same edits, or the user discarded them). */
    public void discard(RecoveryFile target) {
        pause.stop();
        submit(() -> delete(target));
    }

    private void submit(Runnable job) {
        if (pending.getAndSet(job) == null) {
            writer.execute(() -> {
                Runnable next = pending.getAndSet(null);
                if (next != null) {
                    next.run();
                }
            });
        }
    }

    private void write(RecoveryFile target, Workspace ws) {
        try {
            java.nio.file.Files.createDirectories(target.path().getParent()); // the app folder, on a first autosave
            target.write(ws);
        } catch (IOException | RuntimeException e) {
            report("Autosave failed (" + target.path() + "): " + e.getMessage());
        }
    }

    private void delete(RecoveryFile target) {
        try {
            target.delete();
        } catch (IOException | RuntimeException e) {
            report("Could not remove the autosave " + target.path() + ": " + e.getMessage());
        }
    }

    private void report(String message) {
        Platform.runLater(() -> problems.accept(message));
    }
}
