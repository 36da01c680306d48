package dev.goodput.app;

import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.CLEAN_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files dragged onto the window from outside: the window accepts a drag holding a run log or a folder and opens what
 * is dropped, and refuses a drag of files that are not there. The drag events are the ones the platform would
 * deliver to the scene.
 */
@ExtendWith(ApplicationExtension.class)
class FileDropUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void droppingARunLogOpensIt(FxRobot robot) throws Exception {
        Path dropped = Files.copy(CLEAN, dir.resolve("dropped.jsonl"));
        Node target = robot.lookup("#timeline-slot").query();

        AtomicReference<TransferMode> accepted = new AtomicReference<>();
        robot.interact(() -> {
            Dragboard board = TestDragboards.withFiles(List.of(dropped.toFile()));
            accepted.set(fire(target, DragEvent.DRAG_OVER, board).getAcceptedTransferMode());
            assertTrue(fixture.window().stage().getScene().getRoot().getPseudoClassStates()
                    .contains(FileDropHandler.DROP_TARGET), "the window shows it would take the drop");
            assertTrue(fire(target, DragEvent.DRAG_DROPPED, board).isDropCompleted());
        });
        assertEquals(TransferMode.COPY, accepted.get());
        assertFalse(fixture.window().stage().getScene().getRoot().getPseudoClassStates()
                .contains(FileDropHandler.DROP_TARGET));
        UiFixture.waitUntilIdle(fixture.window());

        assertEquals(CLEAN_NAME, fixture.window().summary().runNameProperty().get());
        assertEquals(List.of(dropped), fixture.window().summary().filesProperty());
        assertEquals(List.of(dropped.toAbsolutePath()), fixture.window().recentFiles().entriesProperty().get(0));
        assertEquals("dropped.jsonl", UiFixture.text(robot, "#status-files"));
    }

    @Test
    void droppingAFolderOpensTheFilesInIt(FxRobot robot) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("run"));
        Path log = Files.copy(CLEAN, folder.resolve("run.jsonl"));
        Files.writeString(folder.resolve(".hidden"), "not read\n");
        Node target = robot.lookup("#timeline-slot").query();

        AtomicReference<TransferMode> accepted = new AtomicReference<>();
        robot.interact(() -> {
            Dragboard board = TestDragboards.withFiles(List.of(folder.toFile()));
            accepted.set(fire(target, DragEvent.DRAG_OVER, board).getAcceptedTransferMode());
            assertTrue(fire(target, DragEvent.DRAG_DROPPED, board).isDropCompleted());
        });
        assertEquals(TransferMode.COPY, accepted.get());
        UiFixture.waitUntilIdle(fixture.window());

        assertEquals(CLEAN_NAME, fixture.window().summary().runNameProperty().get());
        assertEquals(List.of(log), fixture.window().summary().filesProperty());
        assertEquals(List.of(folder.toAbsolutePath()), fixture.window().recentFiles().entriesProperty().get(0));
    }

    @Test
    void aDragOfMissingFilesIsRefused(FxRobot robot) throws Exception {
        File gone = dir.resolve("gone.jsonl").toFile();
        Node target = robot.lookup("#timeline-slot").query();

        AtomicReference<TransferMode> accepted = new AtomicReference<>(TransferMode.LINK);
        robot.interact(() -> {
            Dragboard board = TestDragboards.withFiles(List.of(gone));
            accepted.set(fire(target, DragEvent.DRAG_OVER, board).getAcceptedTransferMode());
            fire(target, DragEvent.DRAG_DROPPED, board);
        });
        assertNull(accepted.get());
        assertFalse(fixture.window().loadStatus().isLoading());
        assertEquals(SummaryViewModel.State.EMPTY, fixture.window().summary().stateProperty().get());
    }

    /** Delivers a drag event at the node's centre, as the scene would; returns it to read what handlers decided. */
    private static DragEvent fire(Node target, javafx.event.EventType<DragEvent> type, Dragboard board) {
        Point2D scene = target.localToScene(target.getBoundsInLocal().getCenterX(),
                target.getBoundsInLocal().getCenterY());
        Point2D screen = target.localToScreen(target.getBoundsInLocal().getCenterX(),
                target.getBoundsInLocal().getCenterY());
        DragEvent event = new DragEvent(type, board, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                TransferMode.COPY, null, null, null);
        Event.fireEvent(target, event);
        return event;
    }
}
