package dev.goodput.app;

import dev.goodput.core.report.GoodputTerm;
import dev.goodput.cli.GoodputCli;
import dev.goodput.core.derive.Derivation;
import dev.goodput.app.timeline.TimelinePanel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.CLEAN_NAME;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window on the bundled sample: the same figures as the CLI, their definitions on hover, the timeline slot. */
@ExtendWith(ApplicationExtension.class)
class SampleRunUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @Test
    void showsTheFourFiguresTheCliReports(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);

        // The CLI's text report prints the figures on one line: "Goodput  infra 98.09%  framework ... overall 44.81%".
        Matcher cli = Pattern.compile("infra (\\S+)\\s+framework (\\S+)\\s+model (\\S+)\\s+overall (\\S+)")
                .matcher(cliReport(CLEAN.toString()));
        assertTrue(cli.find(), "the CLI report has its goodput line");
        assertEquals(cli.group(1), text(robot, "#figure-infra"));
        assertEquals(cli.group(2), text(robot, "#figure-framework"));
        assertEquals(cli.group(3), text(robot, "#figure-model"));
        assertEquals(cli.group(4), text(robot, "#figure-overall"));
        assertEquals("98.09%", text(robot, "#figure-infra"));
        assertEquals(CLEAN_NAME, text(robot, "#run-name"));
    }

    @Test
    void eachFigureShowsItsDefinitionOnHover(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        for (GoodputTerm m : GoodputTerm.values()) {
            Node card = robot.lookup("#" + FigureCard.id(m) + "-card").query();
            // Tooltip.install keeps the tooltip in the node's properties under this key.
            Tooltip tip = (Tooltip) card.getProperties().get("javafx.scene.control.Tooltip");
            assertEquals(m.definition(), tip.getText());
            robot.moveTo(card);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, tip::isShowing);
        }
    }

    @Test
    void statusBarNamesTheFileRunWindowAndProblems(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        assertEquals("run.jsonl", text(robot, "#status-files"));
        assertEquals(CLEAN_NAME, text(robot, "#status-run"));
        assertEquals("2025-03-03 09:00:00 → 09:36:33 UTC (36.6 min)", text(robot, "#status-window"));
        assertEquals("No problems", text(robot, "#status-problems"));
        assertTrue(text(robot, "#status-outcome").startsWith("Opened run.jsonl in "));
        assertEquals("Goodput Workbench — " + CLEAN_NAME, fixture.window().stage().getTitle());
    }

    @Test
    void theTimelineShowsTheOpenedRunInTheLargestArea(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        Node slot = robot.lookup("#timeline-slot").query();
        TimelinePanel panel = assertInstanceOf(TimelinePanel.class, fixture.window().view().getTimeline());
        assertTrue(UiFixture.showing(panel));
        assertSame(fixture.window().summary().getDerivation(), panel.view().derivationProperty().get());
        assertNotNull(panel.view().viewportProperty().get());
        // The slot is the largest area of the fixture.window().
        assertTrue(slot.getBoundsInLocal().getHeight() > 250, () -> "slot height " + slot.getBoundsInLocal());

        Rectangle other = new Rectangle(200, 100);
        robot.interact(() -> fixture.window().view().setTimeline(other));
        assertSame(other, fixture.window().view().getTimeline());
        assertSame(slot, other.getParent());
        robot.interact(() -> fixture.window().view().setTimeline(null));
        Label placeholder = assertInstanceOf(Label.class, fixture.window().view().getTimeline());
        assertEquals("Timeline", placeholder.getText());
    }

    @Test
    void theDerivationIsThereForTheTimeline(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        Derivation first = fixture.window().summary().derivationProperty().get();
        assertNotNull(first);
        assertEquals(CLEAN_NAME, first.report().runName());
        assertFalse(first.intervals().isEmpty());

        UiFixture.openAndWait(robot, fixture.window(), UiFixture.BLOOM);
        Derivation second = fixture.window().summary().getDerivation();
        assertTrue(second.report().runName().toLowerCase().contains("bloom"), second.report().runName());
    }

    @Test
    void theWindowHasTheApplicationIcon() {
        List<Image> icons = fixture.window().stage().getIcons();
        assertEquals(AppIcons.SIZES.length, icons.size());
        for (int i = 0; i < icons.size(); i++) {
            assertFalse(icons.get(i).isError());
            assertEquals(AppIcons.SIZES[i], icons.get(i).getWidth());
        }
    }

    private static String cliReport(String file) {
        StringWriter out = new StringWriter();
        CommandLine cli = GoodputCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("report", file));
        return out.toString();
    }
}
