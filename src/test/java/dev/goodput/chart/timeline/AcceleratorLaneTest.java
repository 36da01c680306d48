package dev.goodput.chart.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BLOOM's largest infra loss, 32 hot spares of 416 accelerators through its productive time, made visible: the
 * accelerators lane draws the hot spares in their cause's colour over the share in use, says "384 of 416 in use
 * (32 hot spares)", and lights them when that cause is picked (the state lane has no interval of it to light).
 */
class AcceleratorLaneTest {
    private static final int WIDTH = 800;

    private final Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
    private final TimelineLanes lanes = TimelineLanes.of(d);

    private int[] paint(CauseKey picked) {
        TimelineFrame frame = new TimelineFrame();
        frame.highlight(TimelineFrame.highlightOf(lanes.categories(), picked));
        int[] px = new int[WIDTH * TimelineFrame.HEIGHT];
        frame.paint(lanes, TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd()), WIDTH, px);
        return px;
    }

    private int spareColour() {
        return lanes.categories().colour(lanes.categories().indexOf(Layer.INFRA, CauseCatalog.HOT_SPARES.id()));
    }

    /** Pixels of the accelerators lane in exactly {@code argb}. */
    private static int count(int[] px, int argb) {
        int n = 0;
        for (int y = TimelineFrame.ACCELERATOR_TOP; y < TimelineFrame.ACCELERATOR_TOP + TimelineFrame.ACCELERATOR_HEIGHT;
             y++) {
            for (int x = 0; x < WIDTH; x++) {
                n += px[y * WIDTH + x] == argb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void bloomHasPartialAllocationAndTheLaneDrawsTheHotSpares() {
        assertTrue(lanes.partialAllocation());
        int[] px = paint(null);
        int spares = count(px, spareColour());
        // Through most of the run, at least a few rows of each column.
        assertTrue(spares >= WIDTH / 2 * TimelineFrame.MIN_PART_ROWS, "hot-spare pixels: " + spares);
    }

    @Test
    void pickingHotSparesLightsThemAndFadesTheRest() {
        CauseKey hotSpares = new CauseKey(Layer.INFRA, CauseCatalog.HOT_SPARES.id());
        assertTrue(TimelineFrame.acceleratorsHighlight(hotSpares));
        int[] picked = paint(hotSpares);
        int lit = count(picked, spareColour());
        assertTrue(lit >= WIDTH / 2 * TimelineFrame.MIN_PART_ROWS, "lit hot-spare pixels: " + lit);
        // Everything in the state lane fades (no interval is a hot spare's): none is at full opacity.
        for (int y = 0; y < TimelineFrame.STATE_HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int a = picked[y * WIDTH + x] >>> 24;
                assertTrue(a == 0 || a < 0xFF, "state pixel " + x + "," + y + " faded");
            }
        }
        // Another cause picked: the hot spares fade with the rest.
        int[] other = paint(new CauseKey(Layer.INFRA, CauseCatalog.UNATTRIBUTED_DOWNTIME.id()));
        assertEquals(0, count(other, spareColour()));
        assertFalse(TimelineFrame.acceleratorsHighlight(new CauseKey(Layer.INFRA,
                CauseCatalog.UNATTRIBUTED_DOWNTIME.id())));
    }

    @Test
    void theHoverSaysHowManyOfTheAllocationWereInUse() {
        Interval training = d.intervals().stream().filter(iv -> iv.hotSpares() == 32).findFirst().orElseThrow();
        String text = AcceleratorHover.describe(training, lanes.accelerators().capacity());
        assertTrue(text.startsWith("384 of 416 in use (32 hot spares)\n"), text);
        assertTrue(text.contains(CauseCatalog.HOT_SPARES.id()), text);
    }

    @Test
    void aRunUsingItsWholeAllocationHidesNothingAndNeedsNoLane() {
        TimelineLanes clean = TimelineLanes.of(SampleRuns.derive(SampleRuns.CLEAN));
        assertFalse(clean.partialAllocation());
    }

    @Test
    void hiddenLanesTakeNoRowsAndExtraHeightGoesToTheRunState() {
        FrameLayout all = FrameLayout.of(EnumSet.allOf(FrameLane.class), 0);
        assertEquals(TimelineFrame.HEIGHT, all.height());
        assertEquals(TimelineFrame.STEP_TOP, all.top(FrameLane.STEPS));
        FrameLayout tall = FrameLayout.of(EnumSet.allOf(FrameLane.class), 600);
        assertEquals(600, tall.height());
        assertTrue(tall.height(FrameLane.STATE) > 400, "state " + tall.height(FrameLane.STATE));
        assertTrue(tall.height(FrameLane.STEPS) > TimelineFrame.STEP_HEIGHT, "steps grow some");
        assertEquals(TimelineFrame.FAULT_HEIGHT, tall.height(FrameLane.FAULTS));
        EnumSet<FrameLane> noFaults = EnumSet.allOf(FrameLane.class);
        noFaults.remove(FrameLane.FAULTS);
        FrameLayout without = FrameLayout.of(noFaults, 0);
        assertEquals(0, without.height(FrameLane.FAULTS));
        assertEquals(TimelineFrame.FAULT_TOP, without.top(FrameLane.CHECKPOINTS), "checkpoints move up, no gap");
    }
}
