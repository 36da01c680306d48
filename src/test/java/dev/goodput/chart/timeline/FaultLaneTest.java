package dev.goodput.chart.timeline;

import dev.goodput.chart.colour.CauseColours;
import dev.goodput.chart.colour.ColourDistance;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.testing.FaultRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault lane on the three SLURM jobs: each fault in its cause's colour (the run-state lane's and the waterfall's),
 * roots filled, cascades hollow, a line from the root to its cascade. The window is 09:50–10:34 (44 min); drawn 1320
 * pixels wide, a pixel is 2 s: the node failure (10:08:00) at x 540, the watchdog (10:23:30) at x 1005 and the job's
 * FAILED end (10:24:00), its cascade, at x 1020.
 */
class FaultLaneTest {
    private static final int WIDTH = 1320;
    private static final int NODE_X = 540;
    private static final int WATCHDOG_X = 1005;
    private static final int FAILED_X = 1020;

    private static int index(FaultLane lane, FaultEvent f) {
        return lane.links().faults().indexOf(f);
    }

    private static FaultEvent fault(Derivation d, String cause) {
        return d.run().faults().stream().filter(f -> f.cause().equals(cause)).findFirst().orElseThrow();
    }

    private static int waterfallColour(Derivation d, Layer layer, String cause) {
        WaterfallModel w = WaterfallModel.of(d.report(), 0);
        return w.bars().stream().filter(b -> b instanceof WaterfallModel.Step).map(b -> (WaterfallModel.Step) b)
                .flatMap(s -> s.segments().stream())
                .filter(s -> s.layer() == layer && s.members().contains(cause)).findFirst().orElseThrow().colour();
    }

    @Test
    void eachFaultTakesItsCausesColourAsTheStateLaneAndTheWaterfallGiveIt() {
        Derivation d = FaultRuns.slurm3Jobs();
        TimelineLanes lanes = TimelineLanes.of(d);
        FaultLane lane = lanes.faults();
        StateCategories c = lanes.categories();
        for (String cause : List.of("nccl_watchdog_timeouts", "node_failure")) {
            int i = index(lane, fault(d, cause));
            int category = c.indexOf(Layer.INFRA, cause);
            assertTrue(category > 0, cause);
            assertEquals(c.colour(category), lane.colour(i), cause);
            assertEquals(category, lane.category(i));
            assertEquals(waterfallColour(d, Layer.INFRA, cause), lane.colour(i), cause);
        }
        // The FAILED end costs nothing of its own: its cause (unattributed) has no state in the window, so it takes
        // its own fixed colour when told apart from every state's, else the "other infra" colour.
        int failed = index(lane, fault(d, CauseCatalog.UNATTRIBUTED_DOWNTIME.id()));
        assertEquals(-1, lane.category(failed));
        int own = CauseColours.fixed(CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
        boolean apart = true;
        for (int k = 0; k < c.size(); k++) {
            apart &= ColourDistance.distinct(c.colour(k), own);
        }
        assertEquals(apart ? own : CauseColours.OTHER_INFRA, lane.colour(failed));
    }

    @Test
    void rootsAreFilledCascadesHollowAndALineJoinsThem() {
        Derivation d = FaultRuns.slurm3Jobs();
        TimelineLanes lanes = TimelineLanes.of(d);
        FaultLane lane = lanes.faults();
        int[] px = new int[WIDTH * TimelineFrame.HEIGHT];
        TimelineViewport v = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        assertEquals(WATCHDOG_X, (int) v.xOf(fault(d, "nccl_watchdog_timeouts").timeUs(), WIDTH));
        new TimelineFrame().paint(lanes, v, WIDTH, px);
        int watchdog = lane.colour(index(lane, fault(d, "nccl_watchdog_timeouts")));
        int node = lane.colour(index(lane, fault(d, "node_failure")));
        int failed = lane.colour(index(lane, fault(d, CauseCatalog.UNATTRIBUTED_DOWNTIME.id())));
        int top = TimelineFrame.FAULT_TOP;
        int side = top + 2;
        int link = top + TimelineFrame.FAULT_LINK_ROW;
        int bottom = top + TimelineFrame.FAULT_HEIGHT - 1;
        int half = TimelineFrame.FAULT_HALF_WIDTH;
        // Roots: filled, every row of their five columns.
        for (int y = top; y <= bottom; y++) {
            for (int x = -half; x <= half; x++) {
                assertEquals(watchdog, px[y * WIDTH + WATCHDOG_X + x], "watchdog " + x + "," + y);
                assertEquals(node, px[y * WIDTH + NODE_X + x], "node failure " + x + "," + y);
            }
        }
        // The cascade: a frame in its own colour, empty inside but for the line from its root passing through.
        for (int x = -half; x <= half; x++) {
            assertEquals(failed, px[top * WIDTH + FAILED_X + x]);
            assertEquals(failed, px[bottom * WIDTH + FAILED_X + x]);
        }
        assertEquals(failed, px[side * WIDTH + FAILED_X - half]);
        assertEquals(failed, px[side * WIDTH + FAILED_X + half]);
        assertEquals(0, px[side * WIDTH + FAILED_X]);
        assertEquals(watchdog, px[link * WIDTH + FAILED_X]);
        // The line: in the root's colour between the marks, on its row only.
        for (int x = WATCHDOG_X + half + 1; x < FAILED_X - half; x++) {
            assertEquals(watchdog, px[link * WIDTH + x], "link at " + x);
            assertEquals(0, px[side * WIDTH + x], "above the link at " + x);
        }
        // The node failure has no cascade: nothing beside its mark.
        assertEquals(0, px[link * WIDTH + NODE_X + half + 2]);
    }

    @Test
    void pickingACauseFadesTheFaultsOfOthers() {
        Derivation d = FaultRuns.slurm3Jobs();
        TimelineLanes lanes = TimelineLanes.of(d);
        FaultLane lane = lanes.faults();
        int[] px = new int[WIDTH * TimelineFrame.HEIGHT];
        TimelineFrame frame = new TimelineFrame();
        frame.highlight(lanes.categories().indexOf(Layer.INFRA, "node_failure"));
        frame.paint(lanes, TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd()), WIDTH, px);
        int y = TimelineFrame.FAULT_TOP + 2;
        int node = lane.colour(index(lane, fault(d, "node_failure")));
        int watchdog = lane.colour(index(lane, fault(d, "nccl_watchdog_timeouts")));
        assertEquals(node, px[y * WIDTH + NODE_X]);
        assertEquals((watchdog & 0x00FFFFFF) | 0x55000000, px[y * WIDTH + WATCHDOG_X]);
    }

    @Test
    void theAnalystsRolesRedrawTheLinks() {
        // The FAILED end marked the teardown: no line from the watchdog to it any more. The node failure marked a
        // cascade of the watchdog (an analyst's reading, for the test): it turns hollow, and the watchdog's line
        // reaches back to it.
        Derivation d = FaultRuns.slurm3Jobs();
        FaultEvent node = fault(d, "node_failure");
        FaultEvent watchdog = fault(d, "nccl_watchdog_timeouts");
        FaultEvent failed = fault(d, CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
        TimelineLanes lanes = TimelineLanes.of(d).withRoles(d, List.of(
                new FaultRole(FaultLinks.refOf(failed), FaultRole.Kind.TEARDOWN, null, ""),
                new FaultRole(FaultLinks.refOf(node), FaultRole.Kind.CASCADE, FaultLinks.refOf(watchdog), "")));
        FaultLane lane = lanes.faults();
        assertEquals(1, lane.rootCount());
        assertEquals(1, lane.linkCount());
        assertEquals(node.timeUs(), lane.linkFrom(0)); // before its root: the analyst's link goes back in time
        assertEquals(watchdog.timeUs(), lane.linkTo(0));
        int[] px = new int[WIDTH * TimelineFrame.HEIGHT];
        new TimelineFrame().paint(lanes, TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd()), WIDTH, px);
        int side = TimelineFrame.FAULT_TOP + 2;
        int link = TimelineFrame.FAULT_TOP + TimelineFrame.FAULT_LINK_ROW;
        int colour = lane.colour(index(lane, watchdog));
        assertEquals(0, px[side * WIDTH + NODE_X], "the node failure is hollow");
        assertEquals(colour, px[link * WIDTH + (NODE_X + WATCHDOG_X) / 2]);
        assertEquals(0, px[link * WIDTH + (WATCHDOG_X + FAILED_X) / 2], "no line to the teardown");
        assertTrue(TimelineLanes.of(d).withRoles(d, List.of()) == TimelineLanes.of(d), "no roles: the lanes as built");
    }
}
