package dev.goodput.app;

import dev.goodput.chart.CauseKey;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.app.waterfall.WaterfallPanel;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.waterfall.WaterfallChart;
import dev.goodput.chart.waterfall.WaterfallLayout;
import dev.goodput.core.model.Layer;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.goodput.app.UiFixture.CLEAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waterfall in the window: drawn for the run, hover says a cause's numbers, click highlights, copy for slides. */
@ExtendWith(ApplicationExtension.class)
class WaterfallUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    private static WaterfallLayout.PlacedSegment provisioning(ChartPane pane) {
        WaterfallChart chart = (WaterfallChart) pane.chartProperty().get();
        return chart.layout(pane.chartStyleProperty().get(), pane.chartWidth(), pane.chartHeight()).segments()
                .stream().filter(s -> s.segment().cause().equals("provisioning")).findFirst().orElseThrow();
    }

    @Test
    void hoverAndClickOnACause(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        ChartPane pane = robot.lookup("#waterfall-chart").queryAs(ChartPane.class);
        Image shown = ((ImageView) pane.getChildrenUnmodifiable().get(0)).getImage();
        assertNotNull(shown, "the chart is drawn");
        assertTrue(shown.getWidth() >= pane.chartWidth() && pane.chartWidth() > 200);

        // Hover over the callout of the infra cause (its bar is a few pixels high): its numbers show.
        WaterfallLayout.PlacedSegment p = provisioning(pane);
        robot.moveTo(pane.localToScreen(new Point2D(p.callout().getCenterX(), p.callout().getCenterY())));
        Tooltip tip = shownTip();
        assertTrue(tip.getText().startsWith("Provisioning / device init\nLayer: infra\nLost: 42.0 s"), tip.getText());

        // Click: the cause is highlighted for the timeline too; the chart is redrawn with it.
        robot.clickOn(pane.localToScreen(new Point2D(p.callout().getCenterX(), p.callout().getCenterY())));
        assertEquals(new CauseKey(Layer.INFRA, "provisioning"),
                fixture.window().highlightProperty().get());
        assertEquals(fixture.window().highlightProperty().get(),
                highlightOf((WaterfallChart) pane.chartProperty().get()));
        TimelineView timeline = robot.lookup(".timeline-view").queryAs(TimelineView.class);
        assertEquals(fixture.window().highlightProperty().get(), timeline.highlightProperty().get(),
                "the timeline picks out the same cause");
        robot.clickOn(pane.localToScreen(new Point2D(p.callout().getCenterX(), p.callout().getCenterY())));
        assertNull(fixture.window().highlightProperty().get());
        assertNull(timeline.highlightProperty().get());
    }

    /** The waterfall's tooltip once it shows. */
    private static Tooltip shownTip() throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tip() != null);
        return tip();
    }

    private static Tooltip tip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip t && "waterfall-tip".equals(t.getId())
                && t.isShowing()).map(Tooltip.class::cast).findFirst().orElse(null);
    }

    /**
     * The pointer jumps from one part to another, as a fast move does (no event over the empty space between): the
     * tooltip comes up at the pointer, not where it showed for the first part.
     */
    @Test
    void theTooltipShowsAtThePointer(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), UiFixture.BLOOM);
        ChartPane pane = robot.lookup("#waterfall-chart").queryAs(ChartPane.class);
        WaterfallChart chart = (WaterfallChart) pane.chartProperty().get();
        WaterfallLayout l = chart.layout(pane.chartStyleProperty().get(), pane.chartWidth(), pane.chartHeight());
        WaterfallLayout.PlacedSegment first = l.segments().get(0);
        WaterfallLayout.PlacedSegment last = l.segments().get(l.segments().size() - 1);
        Point2D a = new Point2D(first.callout().getCenterX(), first.callout().getCenterY());
        robot.moveTo(pane.localToScreen(a));
        assertTrue(shownTip().getText().startsWith(first.segment().label() + "\n"));
        assertBeside(tip(), pane.localToScreen(a));

        Point2D b = new Point2D(last.callout().getCenterX(), last.callout().getCenterY());
        Point2D bOnScreen = pane.localToScreen(b);
        Point2D bInScene = pane.localToScene(b); // where the event is said to be; the pane gets its own x, y
        robot.interact(() -> pane.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, bInScene.getX(), bInScene.getY(),
                bOnScreen.getX(), bOnScreen.getY(), MouseButton.NONE, 0, false, false, false, false, false, false,
                false, false, false, false, null)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> tip() != null && tip().getText().startsWith(last.segment().label() + "\n"));
        assertBeside(tip(), bOnScreen);
        // The last cause is a model one: it says what it is instead of counting intervals it has none of.
        assertTrue(tip().getText().contains("\nSlow steps: "), tip().getText());

        // Off the chart, the tooltip goes.
        robot.moveTo(pane.localToScreen(new Point2D(pane.chartWidth() / 2, -30)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tip() == null);
    }

    private static void assertBeside(Tooltip tip, Point2D pointer) {
        assertTrue(Math.abs(tip.getX() - pointer.getX()) < 40 && Math.abs(tip.getY() - pointer.getY()) < 40,
                "the tooltip at " + tip.getX() + ", " + tip.getY() + " beside the pointer at " + pointer);
    }

    private static CauseKey highlightOf(WaterfallChart chart) throws Exception {
        var f = WaterfallChart.class.getDeclaredField("highlight");
        f.setAccessible(true);
        return (CauseKey) f.get(chart);
    }

    @Test
    void unitsAndCopyingForASlide(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        robot.clickOn("#waterfall-unit-accelerator-hours");
        ChartPane pane = robot.lookup("#waterfall-chart").queryAs(ChartPane.class);
        WaterfallLayout.PlacedSegment p = provisioning(pane);
        assertTrue(p.numbers().contains("0.0933 h"), p.numbers());
        robot.clickOn("#waterfall-unit-cost");
        assertTrue(robot.lookup("#waterfall-price").query().isVisible());
        // A price typed from its decimal point on: the lone "." on the way is not a price, and no error.
        robot.doubleClickOn("#waterfall-price").eraseText(6).write(".5");
        assertEquals(0.5, robot.lookup("#waterfall").queryAs(WaterfallPanel.class).options().pricePerHour());

        UiFixture.clickMenu(robot, "#menu-file", "#menu-export", "Copy waterfall to clipboard");
        WaitForAsyncUtils.waitForFxEvents();
        Image copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getImage()).get();
        assertNotNull(copied, "an image is on the clipboard");
        assertEquals(ChartSize.SLIDE_16_9.width(), copied.getWidth());
        assertEquals(ChartSize.SLIDE_16_9.height(), copied.getHeight());
        assertEquals("Copied the waterfall to the clipboard", UiFixture.text(robot, "#status-outcome"));
    }
}
