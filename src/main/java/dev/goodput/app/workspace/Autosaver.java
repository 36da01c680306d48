package dev.goodput.app.workspace;

import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Writes unsaved edits to the workspace's recovery file, so a crash or kill loses nothing: a short pause after the
 * last change (a burst of edits is one write), then one atomic write on a background writer. Writes never overlap,
 * and per recovery file the newest state wins: a write queued and not yet started is replaced by a newer one of the
 * same file, never by one of another file. Removing a recovery (saved, or the user chose not to keep the edits)
 * happens at once, on the caller's thread, after any write of that file in progress, so the file is gone when the
 * next question about it is asked. When nothing is unsaved any more the recovery is removed.
 */
public final class Autosaver {
    /** The pause after the last change; short enough that a kill loses at most this much typing. */
    public static final Duration DELAY = Duration.millis(400);

    private final WorkspaceDocument document;
    private final Executor writer;
    private final Consumer<String> problems;
    private final PauseTransition pause = new PauseTransition(DELAY);
    /** Per recovery file, the newest state waiting for the writer; guarded by itself. */
    private final Map<Path, Workspace> queued = new LinkedHashMap<>();
    /** Held while a file is written or removed, so a removal never races a write of the same file. */
    private final Object io = new Object();

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

    /** Writes now (e.g. before a prompt that may end the app); call on the FX thread. */
    public void flush() {
        pause.stop();
        if (!document.openProperty().get()) {
            return;
        }
        RecoveryFile target = document.recoveryFile();
        if (document.isDirty()) {
            queue(target, document.snapshotFor(target.workspaceFile()));
        } else {
            discard(target);
        }
    }

    /**
     * Removes a recovery now: a save wrote the same edits, or the user discarded them. A write of it still queued
     * is dropped; one in progress finishes first.
     */
    public void discard(RecoveryFile target) {
        synchronized (queued) {
            queued.remove(target.path());
        }
        synchronized (io) {
            try {
                target.delete();
            } catch (IOException | RuntimeException e) {
                report("Could not remove the autosave " + target.path() + ": " + e.getMessage());
            }
        }
    }

    /** Work on files that must not interleave with autosave writes (a save, which also removes the recovery). */
    public interface FileWork {
        void run() throws IOException;
    }

    /** Runs {@code work} (on the caller's thread) while no autosave is being written or removed. */
    public void whileIdle(FileWork work) throws IOException {
        synchronized (io) {
            work.run();
        }
    }

    /**
     * The edits restored from {@code source} now autosave to the document's own recovery file (a recovery opened by
     * hand, or of a workspace since moved): they are written there at once, then the source is removed.
     */
    public void adopt(RecoveryFile source) {
        RecoveryFile target = document.recoveryFile();
        if (source.equals(target)) {
            return;
        }
        synchronized (io) {
            try {
                Files.createDirectories(target.path().getParent());
                target.write(document.snapshotFor(target.workspaceFile()));
                source.delete();
            } catch (IOException | RuntimeException e) {
                report("Could not move the autosave " + source.path() + " to " + target.path() + ": "
                        + e.getMessage());
            }
        }
    }

    private void queue(RecoveryFile target, Workspace ws) {
        boolean first;
        synchronized (queued) {
            first = queued.put(target.path(), ws) == null;
        }
        if (first) {
            writer.execute(() -> write(target));
        }
    }

    private void write(RecoveryFile target) {
        synchronized (io) {
            Workspace ws;
            synchronized (queued) {
                ws = queued.remove(target.path());
            }
            if (ws == null) {
                return; // discarded meanwhile
            }
            try {
                Files.createDirectories(target.path().getParent()); // the app folder, on a first autosave
                target.write(ws);
            } catch (IOException | RuntimeException e) {
                report("Autosave failed (" + target.path() + "): " + e.getMessage());
            }
        }
    }

    private void report(String message) {
        if (Platform.isFxApplicationThread()) {
            problems.accept(message);
        } else {
            Platform.runLater(() -> problems.accept(message));
        }
    }
}
