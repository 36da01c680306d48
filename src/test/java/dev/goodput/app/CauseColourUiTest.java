package dev.goodput.app;

import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.chart.CauseKey;
import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.chart.colour.CauseColours;
import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.chart.waterfall.WaterfallChart;
import dev.goodput.chart.waterfall.WaterfallLayout;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.WorkspaceStore;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Problem 1 of issue 13 in the window: a cause's colour set by the user from the waterfall's context menu is kept
 * through tag edits, window changes and a workspace saved and opened again, drawn on every chart, undone as one
 * step; another run opened starts from its own colours.
 */
@ExtendWith(ApplicationExtension.class)
class CauseColourUiTest {
    /** Black: told apart from every colour the BLOOM sample shows, so never gathered in "other". */
    private static final int CHOSEN = 0xFF000000;
    private static final String CAUSE = "unattributed_downtime";

    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    /** The session's book is the process's: the next test starts from no choices (as a run opened would). */
    @AfterEach
    void forgetColours() {
        CauseColourBook.session().clear();
    }

    @Test
    void aColourChosenFromTheWaterfallIsDrawnEverywhereAndSurvivesEditsWindowsAndSaving(FxRobot robot)
            throws Exception {
        MainWindow w = fixture.window();
        Path run = Files.copy(UiFixture.BLOOM, dir.resolve("run.jsonl"));
        UiFixture.openAndWait(robot, w, run);
        assertFalse(w.document().isDirty());

        fixture.prompts.colour = Optional.of(CHOSEN);
        chooseFromWaterfall(robot, CAUSE);
        assertTrue(fixture.prompts.asked.contains("colour: Unattributed downtime"), fixture.prompts.asked::toString);
        assertDrawnIn(robot, w, CHOSEN);
        assertTrue(w.document().isDirty(), "a colour the user chose is a change to save");
        assertEquals("Undo colour of Unattributed downtime", w.session().undoTextProperty().get());

        // A tag edit re-derives: the colour stays.
        robot.interact(() -> {
            AttributedInterval gap = w.session().attribution()
                    .nextUnattributed(w.session().base().window().startUs() - 1).orElseThrow();
            w.session().apply(w.session().tagging().tag(gap, "faulty_gpu", Layer.INFRA, "node 17"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertDrawnIn(robot, w, CHOSEN);

        // Another window: the colour stays.
        Window whole = w.session().base().window();
        Window later = new Window(whole.startUs() + whole.durationUs() / 4, whole.endUs());
        robot.interact(() -> w.rederive(later));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> later.equals(w.session().base().window()));
        WaitForAsyncUtils.waitForFxEvents();
        assertDrawnIn(robot, w, CHOSEN);

        // Saved, another run opened (its own colours), the workspace opened again: the colour is back.
        Path saved = dir.resolve("colours.goodput");
        fixture.prompts.saveTo = saved;
        robot.interact(() -> assertTrue(w.workspaceActions().saveNow()));
        assertEquals(CHOSEN & 0xFFFFFF, WorkspaceStore.load(saved).value().colours().chosen().get(CAUSE));
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        assertEquals(CauseColours.fixed(CAUSE), CauseColourBook.session().colour(CAUSE),
                "another run does not inherit the colours chosen for the first");
        UiFixture.openAndWait(robot, w, saved);
        assertFalse(w.document().isDirty());
        assertDrawnIn(robot, w, CHOSEN);
    }

    @Test
    void undoRestoresThePreviousColourAndRedoTheChosenOne(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        int own = CauseColourBook.session().colour(CAUSE);
        fixture.prompts.colour = Optional.of(CHOSEN);
        chooseFromWaterfall(robot, CAUSE);
        assertDrawnIn(robot, w, CHOSEN);

        robot.interact(() -> w.session().undo());
        assertDrawnIn(robot, w, own);
        assertFalse(w.document().isDirty(), "undone: nothing to save");
        assertEquals("Redo colour of Unattributed downtime", w.session().redoTextProperty().get());
        robot.interact(() -> w.session().redo());
        assertDrawnIn(robot, w, CHOSEN);

        // Reset colour: its own again, itself one undoable step.
        rightClick(robot, CAUSE);
        robot.clickOn("#context-cause-colour-reset");
        assertDrawnIn(robot, w, own);
        robot.interact(() -> w.session().undo());
        assertDrawnIn(robot, w, CHOSEN);
    }

    /** The cause picked anywhere (clicked on the timeline, the waterfall, the table) can be coloured from Edit. */
    @Test
    void editColourOfPickedCauseColoursTheHighlightedCause(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        MenuItem item = editItem(w, "menu-cause-colour");
        assertTrue(item.isDisable(), "nothing picked: nothing to colour");

        fixture.prompts.colour = Optional.of(CHOSEN);
        robot.interact(() -> w.highlightProperty().set(new CauseKey(Layer.INFRA, CAUSE)));
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        assertTrue(fixture.prompts.asked.contains("colour: Unattributed downtime"), fixture.prompts.asked::toString);
        assertDrawnIn(robot, w, CHOSEN);
    }

    private static MenuItem editItem(MainWindow w, String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) w.stage().getScene().lookup(".menu-bar");
        return bar.getMenus().stream().filter(m -> "menu-edit".equals(m.getId())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void anotherRunOpenedDoesNotKeepTheColoursGivenToTheFirstRunsCauses(FxRobot robot) {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        assertTrue(CauseColourBook.session().assigned().containsKey("emergency_maintenance"),
                CauseColourBook.session().assigned()::toString);
        UiFixture.openAndWait(robot, w, UiFixture.CLEAN);
        assertFalse(CauseColourBook.session().assigned().containsKey("emergency_maintenance"),
                CauseColourBook.session().assigned()::toString);
        assertFalse(w.document().isDirty(), "colours given as a run is drawn are nothing to save by themselves");
    }

    /** The cause's colour on the waterfall shown and on the timeline's states. */
    private static void assertDrawnIn(FxRobot robot, MainWindow w, int colour) {
        WaitForAsyncUtils.waitForFxEvents();
        WaterfallModel.Segment s = placed(pane(robot), CAUSE).segment();
        assertEquals(Integer.toHexString(colour), Integer.toHexString(s.colour()), "the waterfall's colour");
        TimelineView timeline = ((TimelinePanel) w.view().getTimeline()).view();
        StateCategories c = timeline.categories();
        int i = c.indexOf(Layer.INFRA, CAUSE);
        assertNotEquals(-1, i);
        assertEquals(Integer.toHexString(colour), Integer.toHexString(c.colour(i)), "the timeline's colour");
    }

    private static void chooseFromWaterfall(FxRobot robot, String cause) {
        rightClick(robot, cause);
        robot.clickOn("#context-cause-colour");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void rightClick(FxRobot robot, String cause) {
        ChartPane pane = pane(robot);
        WaterfallLayout.PlacedSegment p = placed(pane, cause);
        Point2D at = new Point2D(p.callout().getCenterX(), p.callout().getCenterY());
        Point2D screen = pane.localToScreen(at);
        Point2D scene = pane.localToScene(at);
        robot.moveTo(screen);
        // Headless Monocle makes no context-menu event of a right-click: the one the platform would send.
        robot.interact(() -> pane.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                scene.getX(), scene.getY(), screen.getX(), screen.getY(), false, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static WaterfallLayout.PlacedSegment placed(ChartPane pane, String cause) {
        WaterfallChart chart = (WaterfallChart) pane.chartProperty().get();
        return chart.layout(pane.chartStyleProperty().get(), pane.chartWidth(), pane.chartHeight()).segments()
                .stream().filter(s -> s.segment().cause().equals(cause)).findFirst().orElseThrow();
    }

    private static ChartPane pane(FxRobot robot) {
        return robot.lookup("#waterfall-chart").queryAs(ChartPane.class);
    }
}
