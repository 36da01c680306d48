package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.LaneKey;
import dev.goodput.chart.timeline.ProfileSpan;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.ResolvedAttempt;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.testing.SampleRuns;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lane of the timeline is inspectable (BLOOM): hovering an attempt, a fault, a checkpoint, a step or a profile
 * shows what it was, with times to the second and durations for people; the tooltip shows beside the pointer when
 * there is something to say and never as an empty box. The key names every lane's marks.
 */
@ExtendWith(ApplicationExtension.class)
class LaneHoverUiTest {
    /** Microseconds or ISO instants ("2022-03-11T19:42:00.123456Z"): neither belongs in a hover. */
    private static final Pattern RAW_TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d|\\dT\\d\\d:|\\d\\dZ\\b");

    private final Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
    private TimelinePanel panel;
    private TimelineView view;

    @Start
    void start(Stage stage) {
        panel = new TimelinePanel(new javafx.beans.property.SimpleObjectProperty<>(d),
                new javafx.beans.property.SimpleObjectProperty<>());
        view = panel.view();
        stage.setScene(new Scene(panel, 1400, 420));
        stage.show();
    }

    /** Hovers time {@code t} on {@code lane} with the mouse; the hover's text. */
    private String hover(FxRobot robot, TimelineLane lane, long t) {
        double x = TimelineView.GUTTER + view.viewportProperty().get().xOf(t, view.laneWidth());
        Point2D p = view.localToScreen(x, view.band(lane).centre());
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
        String text = view.hoverTextProperty().get();
        assertFalse(text.isEmpty(), lane + " at " + t);
        assertFalse(RAW_TIME.matcher(text).find(), "times to the second, no ISO instants: " + text);
        assertTrue(view.tooltip().isShowing(), "the tooltip shows what the hover says: " + text);
        assertEquals(text, view.tooltip().getText());
        return text;
    }

    @Test
    void attemptsSayTheirNumberStartEndAndHowTheyEnded(FxRobot robot) {
        ResolvedAttempt a = d.attempts().get(2);
        String text = hover(robot, TimelineLane.ATTEMPTS, a.startUs() + a.durationUs() / 2);
        assertTrue(text.startsWith("Attempt 3 of " + d.attempts().size() + "\nStart: 2022-"), text);
        assertTrue(text.contains("\nEnd: 2022-") && text.contains("\nEnded: "), text);
    }

    @Test
    void faultsSayCauseRoleMessageAndSource(FxRobot robot) {
        FaultEvent f = d.run().faults().get(0);
        String text = hover(robot, TimelineLane.FAULTS, f.timeUs());
        assertTrue(text.startsWith("Fault: "), text);
        assertTrue(text.contains("\nTime: 2022-") && text.contains(" UTC"), text);
        assertTrue(Pattern.compile("(?m)^(Root|Cascade|Teardown|Linked)").matcher(text).find(), text);
        assertTrue(Pattern.compile("\nSource: [^\n]+:\\d+").matcher(text).find(), text);
    }

    @Test
    void checkpointsSayTheirStepAndSaveTime(FxRobot robot) {
        Checkpoint c = d.run().checkpoints().get(d.run().checkpoints().size() / 2);
        String text = hover(robot, TimelineLane.CHECKPOINTS, c.timeUs());
        assertTrue(text.startsWith("Checkpoint save of step "), text);
        assertTrue(text.contains("\nStart: 2022-") && text.contains("\nBlocking: "), text);
    }

    @Test
    void stepsSayTheirDurationAndDeviationFromTheTypicalStep(FxRobot robot) {
        var steps = d.run().steps();
        int row = steps.size() / 3;
        String text = hover(robot, TimelineLane.STEP_TIME, steps.startUs(row) + 1);
        assertTrue(text.startsWith("Step "), text);
        assertTrue(text.contains("\nDuration: "), text);
        assertTrue(Pattern.compile("\n(Deviation: [+−][^\n]+ from the typical|Slow step: )").matcher(text).find(),
                text);
    }

    @Test
    void profilesSayTheirRankStepsBreakdownAndMfu(FxRobot robot) {
        long t = d.window().startUs() + (d.window().endUs() - d.window().startUs()) / 2;
        robot.interact(() -> view.profilesProperty().set(List.of(new ProfileSpan(t, t + 60_000_000L,
                "rank 3 · MFU 41.0%", "Profile: trace.json\nRank: 3\nSteps: [7]\nMFU 41.0%\nBreakdown: GPU idle 2.0%"))));
        String text = hover(robot, TimelineLane.PROFILES, t + 1);
        assertTrue(text.contains("Rank: 3") && text.contains("MFU 41.0%") && text.contains("Breakdown"), text);
    }

    @Test
    void anEmptyStretchShowsNoTooltip(FxRobot robot) {
        FaultEvent f = d.run().faults().get(0);
        hover(robot, TimelineLane.FAULTS, f.timeUs());
        // Far from every fault: nothing to say, so no box (not an empty one).
        long quiet = quietTime();
        double x = TimelineView.GUTTER + view.viewportProperty().get().xOf(quiet, view.laneWidth());
        robot.moveTo(view.localToScreen(x, view.band(TimelineLane.FAULTS).centre()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", view.hoverTextProperty().get());
        assertFalse(view.tooltip().isShowing());
    }

    /** A time at least a hundredth of the run from every fault. */
    private long quietTime() {
        long span = d.window().endUs() - d.window().startUs();
        for (int k = 1; k < 100; k++) {
            long t = d.window().startUs() + span * k / 100;
            if (d.run().faults().stream().allMatch(f -> Math.abs(f.timeUs() - t) > span / 100)) {
                return t;
            }
        }
        throw new AssertionError("no quiet stretch");
    }

    @Test
    void theKeyNamesEveryLanesMarks() {
        List<String> labels = panel.legend().labels();
        for (String expected : List.of(LaneKey.ATTEMPT_PLANNED, LaneKey.ATTEMPT_DISRUPTED, LaneKey.ROOT_FAULT,
                LaneKey.OTHER_FAULT, LaneKey.CHECKPOINT)) {
            assertTrue(labels.contains(expected), expected + " in " + labels);
        }
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("Typical step ")), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.startsWith(LaneKey.ANOMALOUS_STEP)), labels.toString());
    }
}
