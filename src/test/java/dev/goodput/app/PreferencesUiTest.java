package dev.goodput.app;

import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.derive.Derivation;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edit ▸ Preferences…: the read limits of the window's loads, remembered, and applied from the next load on. */
@ExtendWith(ApplicationExtension.class)
class PreferencesUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void aLimitSetInPreferencesStopsTheNextLoadWithItsMessage(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, CLEAN);
        Derivation shown = w.summary().getDerivation();

        UiFixture.clickMenu(robot, "#menu-edit", "#menu-preferences");
        TextField line = robot.lookup("#limit-max-line-bytes").queryAs(TextField.class);
        assertEquals("16 MiB", line.getText());
        robot.interact(() -> line.setText("1K"));
        robot.clickOn("#limits-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1024, new ReadLimitSettings(fixture.prefs).limits().maxLineBytes(), "remembered");

        Path longLine = Files.writeString(dir.resolve("long.jsonl"), Files.readString(CLEAN)
                + "{\"event\": \"fault\", \"time\": \"2025-03-03T09:20:00Z\", \"message\": \"" + "m".repeat(2000)
                + "\"}\n");
        UiFixture.openAndWait(robot, w, longLine);
        int lines = Files.readAllLines(longLine).size();
        List<String> problems = robot.lookup("#problems").queryListView().getItems().stream()
                .map(String::valueOf).toList();
        assertTrue(problems.contains("Error: " + longLine + ":" + lines + ": expected lines of at most 1 KiB, found a "
                + "longer one (limit --max-line-bytes; raise it if the file is genuine); the lines before it are "
                + "kept"), problems.toString());
        assertTrue(shown != w.summary().getDerivation(), "the lines before it were read and shown");
    }

    @Test
    void ctrlCommaOpensItAndAValueThatIsNoLimitCannotBeApplied(FxRobot robot) {
        robot.clickOn("#run-name").push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForAsyncUtils.waitForFxEvents();
        TextField steps = robot.lookup("#limit-max-steps").queryAs(TextField.class);
        Button ok = robot.lookup("#limits-ok").queryButton();
        assertFalse(ok.isDisabled());
        robot.interact(() -> steps.setText("many"));
        assertTrue(ok.isDisabled());
        assertEquals("Most steps in a run: expected a whole number, found \"many\"", text(robot, "#limits-problem"));

        robot.clickOn("#limits-defaults");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("10000000", steps.getText());
        assertFalse(ok.isDisabled());
        assertEquals("", text(robot, "#limits-problem"));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals(List.of(), CutText.under(pane), "labels shown cut");
        // Each field wide enough for its limit (they once shrank to a sliver, showing none of it).
        for (TextField field : robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class)) {
            assertTrue(field.getWidth() >= field.prefWidth(-1) - 0.5, field.getId() + " " + field.getWidth());
        }
        robot.clickOn(robot.lookup(".button").match((Button b) -> b.isCancelButton()).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReadLimits.DEFAULTS, new ReadLimitSettings(fixture.prefs).limits(), "cancelled: nothing stored");
    }
}
