package dev.goodput.app;

import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.WorkspaceStore;
import javafx.scene.control.TextField;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Problem 10 of issue 13: the measurement window of plain run files is a way of looking, nothing to save; in a
 * workspace it is one of its settings, saved with it and restored when it is opened again.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSettingUiTest {
    private static final String START = "2025-03-03T09:10:00Z";
    private static final String END = "2025-03-03T09:20:00Z";
    private static final Window CHOSEN = new Window(WindowBar.parse(START), WindowBar.parse(END));

    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    /** The smaller points of issue 13: no microseconds in the window's fields, and Apply unchanged keeps them exact. */
    @Test
    void theWindowFieldsShowSecondsAndApplyingThemUnchangedKeepsTheExactWindow(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        String log = Files.readString(UiFixture.CLEAN)
                .replace("\"time\": \"2025-03-03T09:00:00.000000Z\"", "\"time\": \"2025-03-03T09:00:00.123456Z\"")
                .replace("\"start\": \"2025-03-03T09:00:00.000000Z\"", "\"start\": \"2025-03-03T09:00:00.123456Z\"");
        Path run = Files.writeString(dir.resolve("run.jsonl"), log);
        UiFixture.openAndWait(robot, w, run);
        Window exact = w.summary().getDerivation().window();
        assertEquals(123_456, Math.floorMod(exact.startUs(), 1_000_000L), "the run starts between seconds");
        TextField start = robot.lookup("#window-start").queryAs(TextField.class);
        assertEquals("2025-03-03T09:00:00Z", start.getText());

        robot.clickOn("#window-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(exact, w.summary().getDerivation().window(), "applied as shown: the exact window kept");
        assertEquals("2025-03-03T09:00:00Z", start.getText());
    }

    @Test
    void changingOnlyTheWindowOfPlainRunFilesAsksNothingOnQuit(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        TextField start = robot.lookup("#window-start").queryAs(TextField.class);
        TextField end = robot.lookup("#window-end").queryAs(TextField.class);
        robot.interact(() -> {
            start.setText(START);
            end.setText(END);
        });
        robot.clickOn("#window-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> CHOSEN.equals(w.summary().getDerivation().window()));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(w.document().isDirty());
        assertFalse(w.stage().getTitle().endsWith(" *"), w.stage().getTitle());
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.CANCEL;
        robot.interact(() -> w.stage().fireEvent(new WindowEvent(w.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(List.of(), fixture.prompts.asked, "quitting asks nothing");
        UiFixture.flushAutosave(w);
        assertFalse(Files.exists(w.document().recoveryFile().path()), "nothing to autosave either");
    }

    @Test
    void aWorkspacesWindowIsOneOfItsSettingsSavedAndRestored(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        Path run = Files.copy(UiFixture.CLEAN, dir.resolve("run.jsonl"));
        UiFixture.openAndWait(robot, w, run);
        robot.interact(() -> w.session().apply(w.session().tagging().tag(firstLost(w), "faulty_gpu",
                Layer.INFRA, "node 3")));
        Path saved = dir.resolve("post-mortem.goodput");
        fixture.prompts.saveTo = saved;
        robot.interact(() -> assertTrue(w.workspaceActions().saveNow()));
        assertFalse(w.document().isDirty());

        chooseWindow(robot, w);
        assertTrue(w.document().isDirty(), "the workspace's window changed");
        assertTrue(w.stage().getTitle().endsWith(" *"), w.stage().getTitle());
        fixture.prompts.unsaved = WorkspacePrompts.Unsaved.CANCEL;
        fixture.prompts.asked.clear();
        robot.interact(() -> w.stage().fireEvent(new WindowEvent(w.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(List.of("unsaved: post-mortem.goodput"), fixture.prompts.asked);
        robot.interact(() -> assertTrue(w.workspaceActions().saveNow()));
        assertEquals(CHOSEN, WorkspaceStore.load(saved).value().settings().window(), "Save stores the window");
        assertFalse(w.document().isDirty());

        // Opened again (the window bar still on "Custom range"), after another run, and read again: its window.
        UiFixture.openAndWait(robot, w, saved);
        assertRestored(robot, w);
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        assertEquals(WindowPreset.WHOLE_RUN, robot.lookup("#window-preset").queryComboBox().getValue());
        UiFixture.openAndWait(robot, w, saved);
        assertRestored(robot, w);
        robot.interact(w::reload);
        UiFixture.waitUntilIdle(w);
        assertRestored(robot, w);
    }

    private static void assertRestored(FxRobot robot, MainWindow w) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // a re-derivation the bar might start would run now
        UiFixture.waitUntilIdle(w);
        assertEquals(CHOSEN, w.summary().getDerivation().window());
        assertEquals(START, text(robot, "#window-start"));
        assertEquals(WindowPreset.CUSTOM, robot.lookup("#window-preset").queryComboBox().getValue());
        assertFalse(w.document().isDirty(), "opened as saved");
    }

    /** Types a window into the bar, as a user does (the preset turns to "Custom range"), and applies it. */
    private static void chooseWindow(FxRobot robot, MainWindow w) throws Exception {
        TextField start = robot.lookup("#window-start").queryAs(TextField.class);
        TextField end = robot.lookup("#window-end").queryAs(TextField.class);
        robot.interact(() -> {
            start.requestFocus();
            start.setText(START);
            end.requestFocus();
            end.setText(END);
        });
        assertEquals(WindowPreset.CUSTOM, robot.lookup("#window-preset").queryComboBox().getValue());
        robot.clickOn("#window-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> CHOSEN.equals(w.summary().getDerivation().window()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryTextInputControl().getText();
    }

    private static AttributedInterval firstLost(MainWindow w) {
        return w.session().rows().stream().filter(AttributedInterval::lost).findFirst().orElseThrow();
    }
}
