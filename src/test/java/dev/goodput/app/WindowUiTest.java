package dev.goodput.app;

import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.report.GoodputReport;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing the measurement window re-derives the goodputs, as the CLI's --window does. */
@ExtendWith(ApplicationExtension.class)
class WindowUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    private void waitForWindow(long startUs, long endUs) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var d = fixture.window().summary().getDerivation();
            return d != null && d.window().equals(new Window(startUs, endUs));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCustomWindowGivesTheCliNumbersForThatWindow(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), UiFixture.CLEAN);
        TextField start = robot.lookup("#window-start").queryAs(TextField.class);
        TextField end = robot.lookup("#window-end").queryAs(TextField.class);
        robot.interact(() -> {
            start.setText("2025-03-03T09:10:00Z");
            end.setText("2025-03-03T09:20:00Z");
        });
        robot.clickOn("#window-apply");
        long s = WindowBar.parse("2025-03-03T09:10:00Z");
        long e = WindowBar.parse("2025-03-03T09:20:00Z");
        waitForWindow(s, e);
        GoodputReport expected = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(UiFixture.CLEAN)),
                DerivationSettings.defaults().withWindow(new Window(s, e))).report();
        String infra = robot.lookup("#figure-infra").queryLabeled().getText();
        assertEquals(Figures.percent(expected.goodput().infra()), infra);
        assertEquals("100.00%", infra); // no provisioning in 09:10-09:20
        assertTrue(fixture.window().summary().windowTextProperty().get().startsWith("2025-03-03 09:10:00"));
    }

    @Test
    void shiftDragOnTheTimelineSetsTheWindow(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), UiFixture.CLEAN);
        TimelineView view = ((TimelinePanel) fixture.window().view().getTimeline()).view();
        Window before = fixture.window().summary().getDerivation().window();
        double y = 36 + 32; // the run-state lane
        Point2D from = view.localToScreen(96 + 0.25 * (view.getWidth() - 104), y);
        Point2D to = view.localToScreen(96 + 0.75 * (view.getWidth() - 104), y);
        robot.press(KeyCode.SHIFT).drag(from, MouseButton.PRIMARY).dropTo(to).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !fixture.window().summary().getDerivation().window().equals(before));
        Window after = fixture.window().summary().getDerivation().window();
        assertNotEquals(before, after);
        double share = (double) (after.endUs() - after.startUs()) / (before.endUs() - before.startUs());
        assertEquals(0.5, share, 0.03);
        assertEquals(WindowPreset.TIMELINE_SELECTION,
                robot.lookup("#window-preset").queryComboBox().getValue());
    }
}
