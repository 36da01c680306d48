package dev.goodput.app;

import dev.goodput.app.attribution.AttributionRow;
import dev.goodput.app.attribution.TagRequest;
import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.chart.timeline.TimeRange;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribution edits in the workbench, as an analyst makes them on the BLOOM-176B run (nine unattributed gaps): find
 * unattributed downtime with F8, tag a range ctrl-dragged on the timeline, undo and redo; the goodputs shown must
 * be what a hand calculation from the report before the edit gives.
 */
@ExtendWith(ApplicationExtension.class)
class AttributionEditingUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @Test
    void taggingAMarkedRangeAsARestoreMovesItsDowntimeFromInfraToFrameworkAndUndoRedoRestoreTheFiguresExactly(
            FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        GoodputReport before = w.summary().getDerivation().report();
        TimelineView timeline = ((TimelinePanel) w.view().getTimeline()).view();

        // F8: the first unattributed downtime of the window, shown and selected on the timeline.
        robot.clickOn("#run-name").type(KeyCode.F8);
        Interval first = timeline.selectedProperty().get();
        assertNotNull(first, "F8 selects the next unattributed downtime");
        AttributedInterval expected = w.session().attribution()
                .nextUnattributed(w.session().base().window().startUs() - 1).orElseThrow();
        assertEquals(expected.interval(), first);
        assertTrue(timeline.viewportProperty().get().start() <= first.startUs()
                && first.endUs() <= timeline.viewportProperty().get().end(), "the interval is in view");

        // Ctrl-drag from half its length before it to half its length after it: the range is marked, and the
        // tag prompt (answered below) comes up at once. Cancelled here, so the rows can be measured first.
        long pad = first.durationUs() / 2;
        robot.press(KeyCode.CONTROL).drag(onScreen(timeline, first.startUs() - pad), MouseButton.PRIMARY)
                .dropTo(onScreen(timeline, first.endUs() + pad)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange range = timeline.markedRangeProperty().get();
        assertNotNull(range);
        assertEquals(1, fixture.prompts.asked.stream().filter(q -> q.startsWith("tag: ")).count());
        assertEquals(before, w.summary().getDerivation().report(), "a cancelled prompt changes nothing");

        // By hand: the lost time of the infra layer in the range moves to the framework layer as a restore.
        double movedInfra = 0;
        double movedAll = 0;
        for (AttributedInterval row : w.session().rows()) {
            long overlap = Math.min(row.endUs(), range.endUs()) - Math.max(row.startUs(), range.startUs());
            if (row.lost() && overlap > 0 && !row.cause().id().equals("checkpoint_restore")) {
                double seconds = overlap / 1e6 * row.interval().acceleratorsInUse() / before.accelerators();
                movedAll += seconds;
                if (row.cause().layer() == Layer.INFRA) {
                    movedInfra += seconds;
                }
            }
        }
        assertTrue(movedInfra >= first.durationUs() / 1e6, "the unattributed gap is inside the range");

        fixture.prompts.tag = ctx -> Optional.of(new TagRequest(CauseCatalog.CHECKPOINT_RESTORE,
                "restore after a node swap", false));
        robot.push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        GoodputReport after = w.summary().getDerivation().report();

        double available = before.availableSeconds() + movedInfra;
        assertEquals(available / before.windowSeconds(), after.goodput().infra(), 1e-12);
        assertEquals(before.productiveSeconds() / available, after.goodput().framework(), 1e-12);
        assertEquals(before.goodput().model(), after.goodput().model());
        assertEquals(before.goodput().overall(), after.goodput().overall(), 1e-12, "the product does not move");
        assertEquals(seconds(before, "checkpoint_restore") + movedAll, seconds(after, "checkpoint_restore"), 1e-6);
        assertEquals(Figures.percent(after.goodput().infra()), UiFixture.text(robot, "#figure-infra"));
        assertEquals(Figures.percent(after.goodput().framework()), UiFixture.text(robot, "#figure-framework"));
        assertNotEquals(Figures.percent(before.goodput().infra()), UiFixture.text(robot, "#figure-infra"));
        assertEquals("Undo Tag as Checkpoint restore", w.session().undoTextProperty().get());
        // The timeline kept its zoom and now shows the gap as a restore.
        assertTrue(timeline.viewportProperty().get().span() < w.session().base().window().endUs()
                - w.session().base().window().startUs());
        Interval retagged = timeline.selectedProperty().get();
        assertEquals("checkpoint_restore", ((IntervalState.Lost) w.session().attribution()
                .at(first.startUs()).orElseThrow().interval().state()).cause().id());
        assertEquals(first.startUs(), retagged.startUs(), "the timeline keeps the gap selected, now a restore");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, w.summary().getDerivation().report(), "undo restores the report exactly");
        assertEquals(Figures.percent(before.goodput().infra()), UiFixture.text(robot, "#figure-infra"));

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(after, w.summary().getDerivation().report(), "redo re-applies it exactly");
        assertEquals(Figures.percent(after.goodput().framework()), UiFixture.text(robot, "#figure-framework"));
    }

    @Test
    void anUnattributedIntervalPickedWithF8IsTaggedFromTheTableAndTheFiguresFollow(FxRobot robot) {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        GoodputReport before = w.summary().getDerivation().report();
        TimelineView timeline = ((TimelinePanel) w.view().getTimeline()).view();

        robot.clickOn("#run-name").type(KeyCode.F8).type(KeyCode.F8); // the second gap
        Interval gap = timeline.selectedProperty().get();
        TableView<?> table = robot.lookup("#attribution-table").queryAs(TableView.class);
        AttributionRow picked = (AttributionRow) table.getSelectionModel().getSelectedItem();
        assertNotNull(picked, "the table picked the interval the timeline shows");
        assertEquals(gap.startUs(), picked.startUs());
        assertEquals(gap.endUs(), picked.endUs());
        assertEquals("unattributed_downtime", picked.cause().id());

        fixture.prompts.tag = ctx -> Optional.of(new TagRequest(Cause.of("faulty_gpu", Layer.INFRA),
                "Xid 79 on node 17", false));
        robot.clickOn("#attribution-tag");
        WaitForAsyncUtils.waitForFxEvents();

        // By hand: infra time moves between infra causes, so no goodput moves; unattributed shrinks by the gap
        // and GPU failures grow by it (the gap is downtime: all accelerators).
        GoodputReport after = w.summary().getDerivation().report();
        double gapSeconds = gap.durationUs() / 1e6;
        assertEquals(before.goodput(), after.goodput());
        assertEquals(seconds(before, "unattributed_downtime") - gapSeconds, seconds(after, "unattributed_downtime"),
                1e-6);
        assertEquals(seconds(before, "faulty_gpu") + gapSeconds, seconds(after, "faulty_gpu"), 1e-6);
        AttributionRow row = (AttributionRow) table.getSelectionModel().getSelectedItem();
        assertEquals("faulty_gpu", row.cause().id());
        assertEquals("Xid 79 on node 17", row.note());
        assertEquals(AttributionRow.YOU, row.assignedBy());

        // Re-tag the same row as a restore: now the goodputs move, by the gap's share of the window.
        fixture.prompts.tag = ctx -> Optional.of(new TagRequest(CauseCatalog.CHECKPOINT_RESTORE, "", false));
        robot.clickOn("#attribution-tag");
        WaitForAsyncUtils.waitForFxEvents();
        GoodputReport restored = w.summary().getDerivation().report();
        double available = before.availableSeconds() + gapSeconds;
        assertEquals(available / before.windowSeconds(), restored.goodput().infra(), 1e-12);
        assertEquals(before.productiveSeconds() / available, restored.goodput().framework(), 1e-12);
        assertEquals(Figures.percent(restored.goodput().infra()), UiFixture.text(robot, "#figure-infra"));
        assertEquals(1, w.session().overlayProperty().get().tags().size(), "re-tagging replaced the row's own tag");

        robot.push(KeyCode.CONTROL, KeyCode.Z).push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, w.summary().getDerivation().report());
        assertEquals(Figures.percent(before.goodput().infra()), UiFixture.text(robot, "#figure-infra"));
    }

    @Test
    void anEditKeepsTheTabShownAndTheRowsPickedAndTheLatestWindowChosenWins(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        TabPane tabs = robot.lookup("#attribution-tabs").queryAs(TabPane.class);
        robot.clickOn("Rules");
        robot.interact(() -> w.session().apply(w.session().tagging().tag(w.session().attribution()
                .nextUnattributed(w.session().base().window().startUs() - 1).orElseThrow(), "faulty_gpu",
                Layer.INFRA, "")));
        assertEquals("tab-rules", tabs.getSelectionModel().getSelectedItem().getId(), "an edit leaves the tab be");

        robot.clickOn("Intervals");
        TableView<?> table = robot.lookup("#attribution-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().selectRange(0, 4));
        robot.interact(() -> w.session().undo());
        assertEquals(4, table.getSelectionModel().getSelectedIndices().size(), "an undo keeps the rows picked");

        // Two window choices in quick succession: the second wins, whichever derivation ends first.
        var whole = w.session().base().window();
        var firstWeek = new dev.goodput.core.derive.Window(whole.startUs(), whole.startUs() + 7 * 86_400_000_000L);
        assertEquals(null, w.document().settings().window(), "no window chosen yet");
        robot.interact(() -> {
            w.rederive(firstWeek);
            w.rederive(whole);
        });
        // Landing, a choice becomes the workspace's window; once the second has, the first (cancelled) can no more.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> whole.equals(w.document().settings().window()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(whole, w.summary().getDerivation().window());
        robot.interact(() -> {
            w.rederive(firstWeek);
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> w.summary().getDerivation().window().equals(firstWeek));
        assertEquals(firstWeek, w.document().settings().window(), "the workspace keeps the window shown");
    }

    private static Point2D onScreen(TimelineView timeline, long t) {
        return timeline.localToScreen(timeline.stateLanePoint(t));
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(s -> s.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }
}
