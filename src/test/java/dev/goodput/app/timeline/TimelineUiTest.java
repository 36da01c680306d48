package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.TimeRange;
import dev.goodput.chart.CauseKey;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Layer;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline driven as a user would, headless (Monocle): keys, wheel, drag, hover, click, shift-drag. */
@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {
    private static Derivation clean;
    private TimelineView view;

    @BeforeAll
    static void load() throws Exception {
        clean = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(
                List.of(Path.of("sample-runs/clean-small/run.jsonl"))), DerivationSettings.defaults());
    }

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.setPrefSize(1200, 220);
        view.derivationProperty().set(clean);
        stage.setScene(new Scene(view, 1200, 220));
        stage.show();
        view.requestFocus();
    }

    /** Screen point at a fraction of the lanes' width, in the run-state lane. */
    private Point2D stateLane(double fraction) {
        double x = TimelineView.GUTTER + fraction * view.laneWidth();
        double y = view.band(TimelineLane.RUN_STATE).centre();
        return view.localToScreen(x, y);
    }

    @Test
    void keysZoomPanAndFit(FxRobot robot) {
        long full = view.viewportProperty().get().span();
        robot.clickOn(stateLane(0.5)).type(KeyCode.W);
        long zoomed = view.viewportProperty().get().span();
        assertTrue(zoomed < full, zoomed + " < " + full);
        long before = view.viewportProperty().get().start();
        robot.type(KeyCode.D);
        assertTrue(view.viewportProperty().get().start() > before, "D pans later");
        robot.type(KeyCode.A).type(KeyCode.A);
        assertTrue(view.viewportProperty().get().start() < before + 1, "A pans earlier");
        robot.type(KeyCode.S).type(KeyCode.S).type(KeyCode.S);
        robot.type(KeyCode.W).type(KeyCode.F);
        assertEquals(full, view.viewportProperty().get().span(), "F fits the whole run");
    }

    @Test
    void wheelZoomsAndDragPans(FxRobot robot) {
        long full = view.viewportProperty().get().span();
        robot.moveTo(stateLane(0.5)).scroll(3, javafx.geometry.VerticalDirection.UP);
        long afterWheel = view.viewportProperty().get().span();
        if (afterWheel == full) { // headless robots differ in wheel direction: try the other way
            robot.scroll(6, javafx.geometry.VerticalDirection.DOWN);
            afterWheel = view.viewportProperty().get().span();
        }
        assertTrue(afterWheel < full, "the wheel zooms in");
        long start = view.viewportProperty().get().start();
        robot.drag(stateLane(0.6), MouseButton.PRIMARY).dropTo(stateLane(0.4));
        assertTrue(view.viewportProperty().get().start() > start, "dragging left shows later time");
    }

    @Test
    void hoverTellsWhatTheIntervalWas(FxRobot robot) {
        // The first 42 s of the 36.6 min run are provisioning: ~1.9% of the width.
        robot.moveTo(stateLane(0.005));
        String text = view.hoverTextProperty().get();
        assertTrue(text.startsWith("Lost: Provisioning / device init (provisioning)\nLayer: infra"), text);
        assertTrue(text.contains("Source: sample-runs/clean-small/run.jsonl:3"), text);
        robot.moveTo(stateLane(0.5));
        assertTrue(view.hoverTextProperty().get().startsWith("Productive")
                || view.hoverTextProperty().get().startsWith("Lost:"));
    }

    @Test
    void clickSelectsDoubleClickZoomsShiftDragSelectsARange(FxRobot robot) {
        robot.clickOn(stateLane(0.005));
        assertNotNull(view.selectedProperty().get());
        assertEquals(42_000_000L, view.selectedProperty().get().durationUs());
        // Clicking a lost interval picks out its cause (the waterfall follows); a productive one clears it.
        assertEquals(new CauseKey(Layer.INFRA, "provisioning"), view.highlightProperty().get());
        // 20 min in, clean-small is training (as TimelineFrameTest has it).
        robot.clickOn(view.localToScreen(view.stateLanePoint(clean.window().startUs() + 1_200_000_000L)));
        assertInstanceOf(IntervalState.Productive.class, view.selectedProperty().get().state());
        assertNull(view.highlightProperty().get());
        robot.clickOn(stateLane(0.005));
        robot.doubleClickOn(stateLane(0.005));
        assertTrue(view.viewportProperty().get().span() < 60_000_000L, "zoomed to the 42 s interval");
        robot.type(KeyCode.F);
        robot.press(KeyCode.SHIFT).drag(stateLane(0.2), MouseButton.PRIMARY).dropTo(stateLane(0.4))
                .release(KeyCode.SHIFT);
        TimeRange r = view.selectedRangeProperty().get();
        assertNotNull(r);
        double share = (double) (r.endUs() - r.startUs()) / view.viewportProperty().get().span();
        assertEquals(0.2, share, 0.02);
    }

    @Test
    void escapeClearsTheSelectionTheRangeAndTheHighlight(FxRobot robot) {
        robot.clickOn(stateLane(0.005));
        assertNotNull(view.selectedProperty().get());
        assertEquals(new CauseKey(Layer.INFRA, "provisioning"), view.highlightProperty().get());
        robot.press(KeyCode.SHIFT).drag(stateLane(0.2), MouseButton.PRIMARY).dropTo(stateLane(0.4))
                .release(KeyCode.SHIFT);
        assertNotNull(view.selectedRangeProperty().get());
        robot.type(KeyCode.ESCAPE);
        assertNull(view.selectedProperty().get());
        assertNull(view.selectedRangeProperty().get());
        assertNull(view.highlightProperty().get(), "the highlight goes too, so nothing stays faded");
    }
}
