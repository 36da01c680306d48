package dev.goodput.app;

import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.CLEAN_NAME;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: each problem is listed as file:line and message in the Problems panel, and what was read is kept. */
@ExtendWith(ApplicationExtension.class)
class BadFileUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void aBadLineIsAProblemAndTheRestOfTheRunIsShown(FxRobot robot) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(CLEAN));
        lines.add(9, "{\"event\": \"step\", \"step\": 9, \"start\": \"not a time\"");
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);

        UiFixture.openAndWait(robot, fixture.window(), bad);

        ListView<String> problems = robot.lookup("#problems").queryListView();
        assertEquals(1, problems.getItems().size(), () -> problems.getItems().toString());
        String problem = problems.getItems().get(0);
        assertTrue(problem.startsWith("Error: " + bad + ":10: "), problem);
        assertTrue(problem.endsWith("; line skipped"), problem);
        Text shown = robot.lookup(".list-cell").lookup((Text t) -> problem.equals(t.getText())).queryAs(Text.class);
        assertTrue(UiFixture.showing(shown), "the problem is on screen");
        // Wrapped to the panel, not cut off.
        assertTrue(shown.getLayoutBounds().getWidth() <= problems.getWidth(), () -> shown.getLayoutBounds().toString());
        assertEquals("Problems (1)", text(robot, "Problems (1)"));
        assertEquals("1 error", text(robot, "#status-problems"));

        // Everything else was read: the run is there with its figures.
        assertEquals(SummaryViewModel.State.READY, fixture.window().summary().stateProperty().get());
        assertEquals(CLEAN_NAME, text(robot, "#run-name"));
        assertTrue(text(robot, "#figure-overall").endsWith("%"), text(robot, "#figure-overall"));
    }

    @Test
    void aFileThatIsNoRunLogAtAllSaysWhyInTheProblems(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "these are not the logs you are looking for\n");

        UiFixture.openAndWait(robot, fixture.window(), notes);

        assertEquals(SummaryViewModel.State.FAILED, fixture.window().summary().stateProperty().get());
        assertEquals("Could not open notes.txt", text(robot, "#run-name"));
        ListView<String> list = robot.lookup("#problems").queryListView();
        List<String> problems = list.getItems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("Error: " + notes + ": expected a run log or trainer log records; none "
                + "found in 1 line (read: the canonical run log"), problems.get(0));
        assertEquals("Could not open notes.txt", text(robot, "#status-outcome"));
        assertEquals("n/a", text(robot, "#figure-infra"));

        // Reload reads the same file again, e.g. after it was fixed.
        Files.copy(CLEAN, notes, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> fixture.window().reload());
        UiFixture.waitUntilIdle(fixture.window());
        assertEquals(CLEAN_NAME, text(robot, "#run-name"));
    }
}
