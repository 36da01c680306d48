package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.FrameLayout;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.testing.SampleRuns;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lanes grow with the window (the run state most, the step times some), lanes can be hidden without leaving a
 * gap (hover follows), BLOOM shows its accelerators lane, and the key wraps (folding past its share, see
 * TimelineKeyUiTest) or hides.
 */
@ExtendWith(ApplicationExtension.class)
class LaneLayoutUiTest {
    private final Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
    private TimelinePanel panel;
    private TimelineView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        panel = new TimelinePanel(new SimpleObjectProperty<>(d), new SimpleObjectProperty<>());
        view = panel.view();
        stage.setScene(new Scene(panel, 1280, 420));
        stage.show();
    }

    @Test
    void extraHeightGoesToTheRunStateAndSomeToTheStepTimes(FxRobot robot) {
        double state = view.band(TimelineLane.RUN_STATE).height();
        double steps = view.band(TimelineLane.STEP_TIME).height();
        double faults = view.band(TimelineLane.FAULTS).height();
        robot.interact(() -> stage.setHeight(stage.getHeight() + 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.band(TimelineLane.RUN_STATE).height() > state + 150,
                state + " → " + view.band(TimelineLane.RUN_STATE).height());
        assertTrue(view.band(TimelineLane.STEP_TIME).height() > steps, "steps " + steps);
        assertEquals(faults, view.band(TimelineLane.FAULTS).height(), "event lanes keep their height");
        assertTrue(view.band(TimelineLane.RUN_STATE).height() >= FrameLayout.minimum(
                dev.goodput.chart.timeline.FrameLane.STATE));
    }

    @Test
    void bloomShowsItsAcceleratorsLane() {
        assertTrue(view.band(TimelineLane.ACCELERATORS).height() > 0);
    }

    @Test
    void aHiddenLaneLeavesNoGapAndHoverFollows(FxRobot robot) {
        double state = view.band(TimelineLane.RUN_STATE).height();
        robot.interact(() -> panel.laneVisibleProperty(TimelineLane.FAULTS).set(false));
        assertEquals(0, view.band(TimelineLane.FAULTS).height());
        TimelineView.LaneBand attempts = view.band(TimelineLane.ATTEMPTS);
        assertEquals(attempts.top() + attempts.height() + FrameLayout.GAP, view.band(TimelineLane.CHECKPOINTS).top(),
                0.5, "checkpoints follow the attempts: no gap where the faults were");
        assertTrue(view.band(TimelineLane.RUN_STATE).height() > state, "the room goes to the run state");
        Checkpoint c = d.run().checkpoints().get(d.run().checkpoints().size() / 2);
        double x = TimelineView.GUTTER + view.viewportProperty().get().xOf(c.timeUs(), view.laneWidth());
        robot.interact(() -> view.hover(x, view.band(TimelineLane.CHECKPOINTS).centre()));
        assertTrue(view.hoverTextProperty().get().startsWith("Checkpoint save of step"),
                view.hoverTextProperty().get());
        robot.interact(() -> panel.laneVisibleProperty(TimelineLane.OVERVIEW).set(false));
        assertEquals(0, view.band(TimelineLane.OVERVIEW).height());
    }

    @Test
    void theKeyWrapsInFullAndCanBeHidden(FxRobot robot) {
        TimelineLegend legend = panel.legend();
        assertFalse(robot.lookup(n -> n instanceof ScrollPane).tryQuery().isPresent(), "no scroll box for the key");
        assertTrue(legend.getHeight() >= legend.prefHeight(legend.getWidth()) - 1, "every row of the key shows");
        assertTrue(legend.getHeight() > 40, "the key takes rows as it needs: " + legend.getHeight());
        robot.interact(() -> panel.legendVisibleProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(legend.isVisible());
        assertFalse(legend.isManaged(), "a hidden key leaves its room to the lanes");
    }

    @Test
    void theHelpLineIsShort() {
        assertTrue(TimelinePanel.HELP.length() <= 80, TimelinePanel.HELP);
        assertTrue(TimelinePanel.HELP.contains("F1"), TimelinePanel.HELP);
    }
}
