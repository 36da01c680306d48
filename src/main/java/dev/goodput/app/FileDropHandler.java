package dev.goodput.app;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files dropped on the window open as one run, like File ▸ Open… with the same selection. A folder counts too: it
 * stands for the files in it (a folder of trainer logs, or of per-rank profiler traces), as on the command line.
 * Paths that are no longer there are left out, and a drag of nothing that exists is refused (no drop cursor); what
 * the loader cannot read (e.g. a named pipe) is said by the load. The decisions are plain methods, so they are tested
 * without a robot; {@link #install} only connects them to a scene's drag events.
 */
final class FileDropHandler {
    /** Set on the scene's root while an acceptable drag hovers, so the stylesheet can outline the window. */
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final Consumer<List<Path>> open;

    FileDropHandler(Consumer<List<Path>> open) {
        this.open = open;
    }

    /** The files and folders a drop of these would open, in the order dragged; empty when it must be refused. */
    static List<Path> runFiles(List<File> dragged) {
        return dragged.stream().map(File::toPath).filter(Files::exists).toList();
    }

    void install(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> highlight(scene, onDragOver(e)));
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            highlight(scene, false);
            onDragDropped(e);
        });
        // DRAG_EXITED (not the _TARGET variant) reaches the scene's handler only when the drag leaves the window.
        scene.addEventHandler(DragEvent.DRAG_EXITED, e -> highlight(scene, false));
    }

    /** Accepts a drag of files from outside the window if it holds a file or folder; true if accepted. */
    boolean onDragOver(DragEvent event) {
        // A drag that started inside the window (it has a gesture source) is not a file drop.
        if (event.getGestureSource() != null || filesOf(event.getDragboard()).isEmpty()) {
            return false;
        }
        event.acceptTransferModes(TransferMode.COPY);
        event.consume();
        return true;
    }

    /** Opens the dropped files; true if there were any to open. */
    boolean onDragDropped(DragEvent event) {
        List<Path> files = filesOf(event.getDragboard());
        if (files.isEmpty()) {
            return false;
        }
        event.setDropCompleted(true);
        event.consume();
        open.accept(files);
        return true;
    }

    private static List<Path> filesOf(Dragboard board) {
        return board != null && board.hasFiles() ? runFiles(board.getFiles()) : List.of();
    }

    private static void highlight(Scene scene, boolean on) {
        if (scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DROP_TARGET, on);
        }
    }
}
