package dev.goodput.app.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.timeline.FaultLane;
import dev.goodput.chart.timeline.FaultLinks;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.testing.FaultRuns;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault lane driven as a user would, headless, on the three SLURM jobs: the node failure's and the watchdog's marks
 * filled in their causes' colours, the job's FAILED end hollow and joined to the watchdog; hovering says each one's
 * rule and root; a click picks a fault, a double-click or Enter opens its raw line.
 */
@ExtendWith(ApplicationExtension.class)
class FaultLaneUiTest {
    private final Derivation d = FaultRuns.slurm3Jobs();
    private final List<FaultEvent> opened = new ArrayList<>();
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.setPrefSize(1420, 260);
        view.derivationProperty().set(d);
        view.setOnOpenFault(opened::add);
        stage.setScene(new Scene(view, 1420, 260));
        stage.show();
    }

    private FaultEvent fault(String file, long line) {
        return d.run().faults().stream()
                .filter(f -> f.source().fileName().equals(file) && f.source().line() == line).findFirst().orElseThrow();
    }

    private Point2D onScreen(FaultEvent f) {
        Point2D p = view.faultPoint(f);
        return view.localToScreen(p.getX(), p.getY());
    }

    @Test
    void hoveringAFaultSaysItsRuleAndItsPlaceAmongRootsAndCascades(FxRobot robot) {
        robot.moveTo(onScreen(fault("slurm-2002.out", 27)));
        WaitForAsyncUtils.waitForFxEvents();
        String root = view.hoverTextProperty().get();
        assertTrue(root.startsWith("Fault: NCCL Watchdog Timeouts\nTime: 2024-05-01 10:23:30 UTC\n"), root);
        assertTrue(root.contains("\nRule: nccl_watchdog_timeout\nRoot of 1 cascade\nWatchdog caught collective"),
                root);
        assertTrue(root.endsWith("\nSource: slurm-2002.out:27"), root);

        robot.moveTo(onScreen(fault("sacct_2001-2003.txt", 6)));
        WaitForAsyncUtils.waitForFxEvents();
        String cascade = view.hoverTextProperty().get();
        assertTrue(cascade.startsWith("Fault: Unattributed downtime\nTime: 2024-05-01 10:24:00 UTC\n"), cascade);
        assertTrue(cascade.contains("\nRule: no rule matched: unattributed\n"
                + "Cascade of NCCL Watchdog Timeouts at 2024-05-01 10:23:30 UTC (slurm-2002.out:27)\n"), cascade);
        assertTrue(cascade.endsWith("\nSource: sacct_2001-2003.txt:6"), cascade);

        // Between the marks: nothing to say, no empty tooltip.
        Point2D p = view.faultPoint(fault("slurm-2001.out", 22));
        robot.moveTo(view.localToScreen(p.getX() + 40, p.getY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", view.hoverTextProperty().get());
    }

    @Test
    void theMarksAreDrawnInTheirCausesColoursRootsFilledTheCascadeHollow(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view.snapshot(null, null));
        FaultLane lane = view.lanes().faults();
        List<FaultEvent> inOrder = lane.links().faults();
        int top = (int) view.band(TimelineLane.FAULTS).top();
        for (FaultEvent f : inOrder) {
            int x = (int) Math.floor(view.faultPoint(f).getX());
            int colour = lane.colour(inOrder.indexOf(f));
            assertEquals(colour, image[0].getPixelReader().getArgb(x, top), "top edge of " + f.source());
            boolean root = lane.links().of(f).isRoot();
            int middle = image[0].getPixelReader().getArgb(x, top + 3);
            if (root) {
                assertEquals(colour, middle, "a root is filled: " + f.source());
            } else {
                assertNotEquals(colour, middle, "a cascade is hollow: " + f.source());
            }
        }
    }

    @Test
    void clickingPicksAFaultAndItsCauseDoubleClickAndEnterOpenItsLine(FxRobot robot) {
        FaultEvent watchdog = fault("slurm-2002.out", 27);
        robot.clickOn(onScreen(watchdog));
        assertEquals(watchdog, view.pickedFaultProperty().get());
        assertEquals(new CauseKey(Layer.INFRA, "nccl_watchdog_timeouts"), view.highlightProperty().get());
        assertTrue(opened.isEmpty(), "a single click only picks");
        robot.type(KeyCode.ENTER);
        assertEquals(List.of(watchdog), opened);

        FaultEvent failed = fault("sacct_2001-2003.txt", 6);
        robot.doubleClickOn(onScreen(failed), MouseButton.PRIMARY);
        assertEquals(failed, view.pickedFaultProperty().get());
        assertEquals(List.of(watchdog, failed), opened);
    }

    @Test
    void anAnalystsRoleChangesTheLaneAndItsHover(FxRobot robot) {
        FaultEvent failed = fault("sacct_2001-2003.txt", 6);
        robot.interact(() -> view.faultRolesProperty().set(List.of(
                new FaultRole(FaultLinks.refOf(failed), FaultRole.Kind.TEARDOWN, null, ""))));
        assertEquals(FaultLinks.Kind.TEARDOWN, view.lanes().faults().links().of(failed).kind());
        robot.moveTo(onScreen(failed));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.hoverTextProperty().get().contains("\nTeardown (set by you)\n"),
                view.hoverTextProperty().get());
        robot.interact(() -> view.faultRolesProperty().set(List.of()));
        assertEquals(FaultLinks.Kind.CASCADE, view.lanes().faults().links().of(failed).kind());
    }
}
