package dev.goodput.app;

import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputTerm;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.CLEAN_NAME;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * With no run shown, a file that is no run log at all fills the window with why (in the Problems panel): no
     * figures, no dates and no "No time was lost" left from a run closed before; Reload tries the file again.
     */
    @Test
    void aFileThatIsNoRunLogAtAllSaysWhyInTheProblems(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        robot.interact(() -> fixture.window().close());
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
        assertEquals("", robot.lookup("#window-start").queryTextInputControl().getText(), "no dates of the closed run");
        assertEquals("", robot.lookup("#window-end").queryTextInputControl().getText());
        TableView<?> badput = robot.lookup("#badput").queryTableView();
        assertEquals("", ((Labeled) badput.getPlaceholder()).getText(), "no run: nothing was measured, no loss either");

        // Reload reads the same file again, e.g. after it was fixed.
        Files.copy(CLEAN, notes, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> fixture.window().reload());
        UiFixture.waitUntilIdle(fixture.window());
        assertEquals(CLEAN_NAME, text(robot, "#run-name"));
        assertEquals(BadputTable.NO_LOSS, ((Labeled) badput.getPlaceholder()).getText());
    }

    /**
     * Problem 10 of issue 13: opening a file that fails (no run log, not there, a damaged workspace) while a run is
     * shown keeps that run exactly as it was: figures, window, table, title, edits and their undo history. A notice
     * above the figures and the status bar say what failed and why.
     */
    @Test
    void aFailedOpenKeepsTheRunShownAsItWasAndSaysWhy(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, CLEAN);
        robot.interact(() -> {
            w.rederive(new Window(WindowBar.parse("2025-03-03T09:05:00Z"), WindowBar.parse("2025-03-03T09:30:00Z")));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.summary().getDerivation().window().startUs()
                == WindowBar.parse("2025-03-03T09:05:00Z"));
        robot.interact(() -> w.session().apply(w.session().tagging().tag(firstLost(w), "faulty_gpu",
                Layer.INFRA, "node 3")));
        WaitForAsyncUtils.waitForFxEvents();
        Derivation derived = w.summary().getDerivation();
        Shown before = Shown.of(robot, w);
        assertTrue(before.title().endsWith(" *"), before.title());

        Path notes = Files.writeString(dir.resolve("notes.txt"), "these are not the logs you are looking for\n");
        Path damaged = Files.writeString(dir.resolve("damaged.goodput"),
                "{\n  \"format\" : \"goodput-workspace\",\n  \"version\" : 2,\n  \"inputs\" : [ {\"path\": 3\n");
        Path gone = dir.resolve("gone.jsonl");
        for (Path bad : List.of(notes, gone, damaged)) {
            UiFixture.openAndWait(robot, w, bad);

            String name = bad.getFileName().toString();
            assertTrue(derived == w.summary().getDerivation(), "the run shown stays after opening " + name);
            assertEquals(before, Shown.of(robot, w), "as it was after opening " + name);
            assertEquals("Could not open " + name, text(robot, "#status-outcome"));
            assertEquals(1, w.document().noticesProperty().size(), "the last failure only");
            String notice = text(robot, "#notice-text");
            assertTrue(notice.startsWith("Could not open " + name + " (the run shown stays as it was): " + bad),
                    notice);
            Label shown = robot.lookup("#notice-text").queryAs(Label.class);
            assertTrue(UiFixture.showing(shown), "the notice is on screen");
            Snapshots.save(w, "failed-open-" + name);
        }
        assertTrue(text(robot, "#notice-text").contains("damaged.goodput:5: expected a closing } for the object "
                + "opened on line 4; the file ends inside it (cut short?)"), text(robot, "#notice-text"));

        UiFixture.flushAutosave(w);
        assertTrue(Files.exists(w.document().recoveryFile().path()), "the edits still shown are autosaved again");
        robot.interact(() -> w.session().undo());
        assertTrue(w.session().overlayProperty().get().isEmpty(), "the edit is still there to undo");
        UiFixture.flushAutosave(w);
        UiFixture.openAndWait(robot, w, CLEAN);
        assertTrue(w.document().noticesProperty().isEmpty(), "a run opened: the notice of the failed open is gone");
    }

    /** Reload of a file that went bad keeps the run shown too, and says so the same way. */
    @Test
    void aFailedReloadKeepsTheRunShownAndSaysWhy(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        Path run = Files.copy(CLEAN, dir.resolve("run.jsonl"));
        UiFixture.openAndWait(robot, w, run);
        Derivation derived = w.summary().getDerivation();
        Shown before = Shown.of(robot, w);
        Files.writeString(run, "these are not the logs you are looking for\n");

        robot.interact(w::reload);
        UiFixture.waitUntilIdle(w);

        assertTrue(derived == w.summary().getDerivation(), "the run shown stays");
        assertEquals(before, Shown.of(robot, w));
        assertTrue(text(robot, "#notice-text").startsWith("Could not reload run.jsonl (the run shown stays as it was): "
                + run + ": expected a run log"), text(robot, "#notice-text"));
        assertEquals("Could not reload run.jsonl", text(robot, "#status-outcome"));
    }

    /** What the window shows of a run, to compare before and after. */
    private record Shown(String runName, List<String> figures, String windowStart,
                         String windowEnd, List<BadputRow> badput, String title, Overlay edits, String undo,
                         List<String> problems) {
        static Shown of(FxRobot robot, MainWindow w) {
            List<String> figures = new ArrayList<>();
            for (GoodputTerm t : GoodputTerm.values()) {
                figures.add(text(robot, "#" + FigureCard.id(t)));
            }
            return new Shown(text(robot, "#run-name"), figures,
                    robot.lookup("#window-start").queryTextInputControl().getText(),
                    robot.lookup("#window-end").queryTextInputControl().getText(),
                    List.copyOf(robot.lookup("#badput").queryTableView().getItems().stream()
                            .map(BadputRow.class::cast).toList()),
                    w.stage().getTitle(), w.session().overlayProperty().get(), w.session().undoTextProperty().get(),
                    List.copyOf(w.summary().problemsProperty()));
        }
    }

    /**
     * Problem 10 of issue 13: a lenient read that skipped records badges every figure card as partial, its tooltip
     * naming the first record skipped; the clean sample's cards carry no badge. The input: the clean sample with a
     * line cut short mid-file, opened with a real NCCL watchdog log that has no dates to place it by (skipped whole).
     */
    @Test
    void aPartialReadBadgesTheFiguresAndACompleteOneDoesNot(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, CLEAN);
        for (GoodputTerm t : GoodputTerm.values()) {
            assertFalse(UiFixture.showing(robot.lookup("#" + FigureCard.id(t) + "-partial").query()), t.name());
        }

        List<String> lines = new ArrayList<>(Files.readAllLines(CLEAN));
        lines.set(9, lines.get(9).substring(0, lines.get(9).length() / 2));
        Path cut = Files.write(dir.resolve("run.jsonl"), lines);
        Path nccl = Path.of("src/test/resources/logs/nccl_watchdog_timeout__basicsr_issue737_excerpt.log");
        UiFixture.openAndWait(robot, w, cut, nccl);

        for (GoodputTerm t : GoodputTerm.values()) {
            Label badge = robot.lookup("#" + FigureCard.id(t) + "-partial").queryAs(Label.class);
            assertTrue(UiFixture.showing(badge), t.name());
            assertEquals("Partial: 2 read errors", badge.getText());
            assertTrue(badge.getWidth() >= badge.prefWidth(-1) - 0.5, "not cut: " + badge.getWidth());
            assertTrue(badge.getTooltip().getText().contains("First: " + cut + ":10: "), badge.getTooltip().getText());
            assertTrue(text(robot, "#" + FigureCard.id(t)).endsWith("%"), "the figures of what was read");
        }
        Snapshots.save(w, "partial-figures");

        UiFixture.openAndWait(robot, w, CLEAN);
        assertFalse(UiFixture.showing(robot.lookup("#figure-overall-partial").query()), "a complete read: no badge");
    }

    private static AttributedInterval firstLost(MainWindow w) {
        return w.session().rows().stream().filter(AttributedInterval::lost).findFirst().orElseThrow();
    }
}
