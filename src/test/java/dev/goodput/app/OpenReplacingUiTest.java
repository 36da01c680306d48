package dev.goodput.app;

import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening another run over unsaved edits: the new run is read first, and "save changes?" is asked only once it has
 * loaded; an open that fails asks nothing and keeps the run and its edits.
 */
@ExtendWith(ApplicationExtension.class)
class OpenReplacingUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    private Overlay openWithAnEdit(FxRobot robot, MainWindow w) throws Exception {
        UiFixture.openAndWait(robot, w, Files.copy(UiFixture.BLOOM, dir.resolve("run.jsonl")));
        robot.interact(() -> {
            AttributedInterval gap = w.session().attribution()
                    .nextUnattributed(w.session().base().window().startUs() - 1).orElseThrow();
            w.session().apply(w.session().tagging().tag(gap, "faulty_gpu", Layer.INFRA, "node 17, Xid 79"));
        });
        assertTrue(w.document().isDirty());
        return w.session().overlayProperty().get();
    }

    @Test
    void anOpenThatFailsAsksNothingAndKeepsTheEdits(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        Overlay edits = openWithAnEdit(robot, w);
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.DISCARD;
        Path notes = Files.writeString(dir.resolve("notes.txt"), "these are not the logs you are looking for\n");

        UiFixture.openAndWait(robot, w, notes);

        assertEquals(List.of(), fixture.prompts.asked, "nothing to save for: the open failed");
        assertEquals(edits, w.session().overlayProperty().get());
        assertTrue(w.document().isDirty());
        assertEquals("Could not open notes.txt", UiFixture.text(robot, "#status-outcome"));
    }

    @Test
    void anOpenThatLoadsAsksAndCancelKeepsTheRunShown(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        Overlay edits = openWithAnEdit(robot, w);
        int chosen = 0xFF123456;
        robot.interact(() -> w.session().setColour("faulty_gpu", "Faulty GPU", chosen));
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.CANCEL;

        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);

        assertEquals(List.of("unsaved: untitled"), fixture.prompts.asked);
        assertEquals(edits, w.session().overlayProperty().get(), "cancel keeps the run and its edits");
        // The load put the new run's (no) colours in the book before asking: the run kept is drawn in its own again.
        assertEquals(chosen, w.session().colourBook().colour("faulty_gpu"));
        assertTrue(UiFixture.text(robot, "#run-name").startsWith("BLOOM"));

        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.DISCARD;
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        assertEquals(UiFixture.CLEAN_NAME, UiFixture.text(robot, "#run-name"));
    }
}
