package dev.goodput.app.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.testing.SampleRuns;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BLOOM's key under a short timeline (740×440, the window's timeline at 1280×720): it takes at most a quarter of the panel, ends with "+N more" for the rest, the
 * help line under it is never cut, and expanding the key shows every entry.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineKeyUiTest {
    private final Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
    private TimelinePanel panel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        panel = new TimelinePanel(new SimpleObjectProperty<>(d), new SimpleObjectProperty<>());
        stage.setScene(new Scene(panel, 740, 440));
        stage.sizeToScene(); // the stage is shared between tests: one may have resized it
        stage.show();
    }

    @Test
    void aShortPanelShowsTheRowsThatFitAndOffersTheRest(FxRobot robot) {
        TimelineLegend legend = panel.legend();
        assertTrue(legend.getHeight() <= panel.getHeight() * TimelinePanel.KEY_SHARE + 1,
                "key " + legend.getHeight() + " of panel " + panel.getHeight());
        Hyperlink more = toggle(robot);
        assertTrue(more.isVisible(), "a '+N more' toggle");
        long hidden = entries(legend).stream().filter(n -> !n.isVisible()).count();
        assertTrue(hidden > 0, "some entries wait behind the toggle");
        assertEquals("+" + hidden + " more", more.getText());
        assertTrue(inside(more, legend), "the toggle lies in the key's shown rows");
        // Causes first: the first entry hidden comes after every cause shown.
        assertTrue(entries(legend).get(0).isVisible(), "the first cause shows");
        assertHelpInsidePanel(robot);
    }

    @Test
    void expandingShowsEveryEntryAndLessCollapses(FxRobot robot) {
        TimelineLegend legend = panel.legend();
        robot.interact(() -> toggle(robot).fire());
        settle(robot);
        assertEquals("less", toggle(robot).getText());
        assertTrue(toggle(robot).isVisible() && inside(toggle(robot), legend), "'less' stays in reach");
        assertHelpInsidePanel(robot);
        robot.interact(() -> stage.setHeight(900));
        settle(robot);
        for (Node n : entries(legend)) {
            assertTrue(n.isVisible() && inside(n, legend), ((Label) n).getText() + " shows");
        }
        assertHelpInsidePanel(robot);
        robot.interact(() -> toggle(robot).fire());
        robot.interact(() -> stage.setHeight(440));
        settle(robot);
        assertTrue(legend.getHeight() <= panel.getHeight() * TimelinePanel.KEY_SHARE + 1, "collapsed again");
        assertTrue(toggle(robot).getText().startsWith("+"), toggle(robot).getText());
    }

    @Test
    void aWideTallPanelShowsTheWholeKey(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1900);
            stage.setHeight(700);
        });
        settle(robot);
        assertTrue(entries(panel.legend()).stream().allMatch(Node::isVisible), "every entry shows");
        assertTrue(robot.from(panel).lookup(".timeline-legend-toggle").queryAll().stream().noneMatch(Node::isVisible),
                "no toggle when all fits");
        assertHelpInsidePanel(robot);
    }

    /** Lets a layout pass run (the pulse may not have come yet). */
    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            panel.applyCss();
            panel.layout();
        });
    }

    private static List<Node> entries(TimelineLegend legend) {
        return legend.getChildrenUnmodifiable().stream().filter(n -> n instanceof Label && !(n instanceof Hyperlink)
                && ((Label) n).getGraphic() != null).toList();
    }

    private Hyperlink toggle(FxRobot robot) {
        return robot.from(panel).lookup(".timeline-legend-toggle").queryAs(Hyperlink.class);
    }

    private static boolean inside(Node n, Node container) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        Bounds c = container.localToScene(container.getLayoutBounds());
        return b.getMinY() >= c.getMinY() - 0.5 && b.getMaxY() <= c.getMaxY() + 0.5 && b.getMaxX() <= c.getMaxX() + 0.5;
    }

    private void assertHelpInsidePanel(FxRobot robot) {
        Label help = robot.from(panel).lookup(".timeline-help").queryAs(Label.class);
        Bounds b = help.localToScene(help.getLayoutBounds());
        assertTrue(help.isVisible() && b.getMaxY() <= panel.getScene().getHeight() + 0.5
                && b.getHeight() >= help.prefHeight(-1) - 0.5, "help line " + b + " in " + panel.getScene().getHeight());
    }
}
