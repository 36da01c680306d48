package dev.goodput.app;

import dev.goodput.app.attribution.AttributionRow;
import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.testing.FaultRuns;
import javafx.geometry.Point2D;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.event.Event;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three SLURM jobs in the workbench: the attribution table's Rule and Root columns, "Go to root" on a cascade the
 * derivation linked, and the raw line opened from the table with the keyboard (Edit ▸ Open Raw Line) and from the
 * timeline's context menu on a fault's mark.
 */
@ExtendWith(ApplicationExtension.class)
class FaultsInWindowUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @SuppressWarnings("unchecked")
    private static TableView<AttributionRow> table(FxRobot robot) {
        return robot.lookup("#attribution-table").queryAs(TableView.class);
    }

    private static TableCell<?, ?> cell(FxRobot robot, int row, String column) {
        return robot.lookup("#attribution-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && !c.isEmpty())
                .queryAs(TableCell.class);
    }

    private static int faultRow(TableView<AttributionRow> table, String source) {
        for (int i = 0; i < table.getItems().size(); i++) {
            AttributionRow r = table.getItems().get(i);
            if (r.isFault() && r.sourceText().equals(source)) {
                return i;
            }
        }
        throw new AssertionError("no fault row from " + source);
    }

    /** The raw-line viewer whose title ends with {@code fileAndLine}, once it shows. */
    private static Stage viewer(String fileAndLine) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> find(fileAndLine).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return find(fileAndLine).orElseThrow();
    }

    private static Optional<Stage> find(String fileAndLine) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).map(w -> (Stage) w)
                .filter(s -> s.getTitle() != null && s.getTitle().endsWith(fileAndLine)).findFirst();
    }

    private void open(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), FaultRuns.SLURM_3_JOBS.toArray(new Path[0]));
    }

    @Test
    void theTableSaysEachFaultsRuleAndRootAndGoesToTheDerivedRoot(FxRobot robot) {
        open(robot);
        TableView<AttributionRow> table = table(robot);
        int failed = faultRow(table, "sacct_2001-2003.txt:6");
        int watchdog = faultRow(table, "slurm-2002.out:27");
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(failed);
            table.scrollTo(failed);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("sacct_2001-2003.txt:6", cell(robot, failed, "Source").getText());
        assertEquals("no rule matched: unattributed", cell(robot, failed, "Rule").getText());
        assertEquals("NCCL Watchdog Timeouts at 2024-05-01 10:23:30 UTC (slurm-2002.out:27)",
                cell(robot, failed, "Root").getText());
        assertEquals("src/test/resources/logs/handmade/sacct_2001-2003.txt:6",
                cell(robot, failed, "Source").getTooltip().getText(), "the whole path in the tooltip");

        robot.clickOn("#attribution-go-root");
        assertEquals(watchdog, table.getSelectionModel().getSelectedIndex());
        robot.interact(() -> table.scrollTo(watchdog));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nccl_watchdog_timeout", cell(robot, watchdog, "Rule").getText());
        assertEquals("root of 1 cascade", cell(robot, watchdog, "Root").getText());
    }

    @Test
    void thePickedRowsRawLineOpensFromTheKeyboard(FxRobot robot) throws Exception {
        open(robot);
        TableView<AttributionRow> table = table(robot);
        int watchdog = faultRow(table, "slurm-2002.out:27");
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(watchdog);
            table.scrollTo(watchdog);
        });
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        Stage v = viewer("slurm-2002.out:27");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#source-status").queryLabeled().getText().startsWith("Lines 1–"));
        assertTrue(robot.lookup("#source-status").queryLabeled().getText().endsWith("; line 27 is marked"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!v.isShowing(), "Esc closes it");
    }

    @Test
    void aFaultClickedOnTheTimelineIsPickedInTheTableAndItsContextMenuOpensItsLine(FxRobot robot)
            throws Exception {
        open(robot);
        TimelineView timeline = ((TimelinePanel) fixture.window().view().getTimeline()).view();
        FaultEvent failed = fixture.window().summary().getDerivation().run().faults().stream()
                .filter(f -> f.source().fileName().equals("sacct_2001-2003.txt")).findFirst().orElseThrow();
        Point2D p = timeline.faultPoint(failed);
        Point2D onScreen = timeline.localToScreen(p.getX(), p.getY());
        robot.clickOn(onScreen);
        TableView<AttributionRow> table = table(robot);
        assertEquals(faultRow(table, "sacct_2001-2003.txt:6"), table.getSelectionModel().getSelectedIndex());

        // Monocle's headless robot makes no context-menu request of a right click: the request a right click makes.
        Point2D inScene = timeline.localToScene(p);
        robot.interact(() -> Event.fireEvent(timeline, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                inScene.getX(), inScene.getY(), onScreen.getX(), onScreen.getY(), false, null)));
        robot.clickOn("Open Raw Line (sacct_2001-2003.txt:6)");
        viewer("sacct_2001-2003.txt:6");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#source-status").queryLabeled().getText().endsWith("; line 6 is marked"));
    }
}
