package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineFrameTest {
    private static Derivation sample(String file) throws Exception {
        return GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(Path.of(file))),
                DerivationSettings.defaults());
    }

    @Test
    void theFiftyFourDayRunShowsEveryFaultAndAttemptAtFullView() throws Exception {
        Derivation d = sample("sample-runs/llama3-54day-sim/run.jsonl.gz");
        TimelineLanes lanes = TimelineLanes.of(d);
        int width = 1920;
        int[] px = new int[width * TimelineFrame.HEIGHT];
        TimelineViewport v = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        new TimelineFrame().paint(lanes, v, width, px);
        // Every column of the state lane is fully painted (the run covers the window).
        for (int x = 0; x < width; x++) {
            assertTrue(px[(TimelineFrame.STATE_TOP + TimelineFrame.STATE_HEIGHT - 1) * width + x] != 0, "column " + x);
        }
        // Each fault's column carries a marker (its top edge: a fault that costs nothing is drawn hollow), even
        // though 358 faults share 1920 columns.
        int y = TimelineFrame.FAULT_TOP;
        for (long f : lanes.faults().times()) {
            int x = (int) v.xOf(f, width);
            if (x >= 0 && x < width) {
                assertTrue(px[y * width + x] != 0, "fault at column " + x);
            }
        }
        // Downtime (infra, vermillion/orange shades) shows somewhere as a state colour other than productive.
        int productive = StatePalette.PRODUCTIVE;
        int other = 0;
        for (int x = 0; x < width; x++) {
            for (int yy = TimelineFrame.STATE_TOP; yy < TimelineFrame.STATE_HEIGHT; yy++) {
                int c = px[yy * width + x];
                other += c != 0 && c != productive ? 1 : 0;
            }
        }
        assertTrue(other > 0);
    }

    @Test
    void theStepTimeLaneMarksTheStragglerStepAtFullView() throws Exception {
        // clean-small's step 377 takes 9.4 s against a typical 3.3 s: a slow step (its excess is slow_steps), marked
        // in that cause's colour; the compiling first step is anomalous but warm-up, not slow: black.
        Derivation d = sample("sample-runs/clean-small/run.jsonl");
        TimelineLanes lanes = TimelineLanes.of(d);
        int width = 1200;
        int[] px = new int[width * TimelineFrame.HEIGHT];
        TimelineViewport v = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        new TimelineFrame().paint(lanes, v, width, px);
        int row = row(d, 377);
        int x = (int) v.xOf(d.run().steps().startUs(row), width);
        int y = TimelineFrame.STEP_TOP + 2;
        assertEquals(TimelineFrame.SLOW_STEP, px[y * width + x]);
        assertEquals(StatePalette.SLOW_STEPS, TimelineFrame.SLOW_STEP);
        int slow = 0;
        int black = 0;
        for (int xx = 0; xx < width; xx++) {
            slow += px[y * width + xx] == TimelineFrame.SLOW_STEP ? 1 : 0;
            black += px[y * width + xx] == LaneColours.of(dev.goodput.chart.ChartStyle.screen()).anomalousStep() ? 1 : 0;
        }
        assertTrue(slow >= 1 && slow <= 2, "only the straggler is a slow step (one column, or two it straddles): "
                + slow);
        assertTrue(black <= 2, "only the compiling first step is black: " + black);
    }

    @Test
    void theSlowdownOfBloomIsMarkedInTheSlowStepsColourAtEveryZoom() throws Exception {
        // 2,213 slow steps between 04-28 and 05-01: at full view they fill a few columns, zoomed in many.
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        TimelineLanes lanes = TimelineLanes.of(d);
        long first = d.run().steps().startUs(d.slowSteps().row(0));
        long last = d.run().steps().startUs(d.slowSteps().row(d.slowSteps().count() - 1));
        TimelineViewport all = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        for (TimelineViewport v : List.of(all, all.show(first, last))) {
            int width = 1000;
            int[] px = new int[width * TimelineFrame.HEIGHT];
            new TimelineFrame().paint(lanes, v, width, px);
            int y = TimelineFrame.STEP_TOP + 2;
            int slow = 0;
            for (int x = 0; x < width; x++) {
                boolean marked = px[y * width + x] == TimelineFrame.SLOW_STEP;
                slow += marked ? 1 : 0;
                if (marked) { // a column shows the steps of the bins it touches: allow a few columns either side
                    long t = v.start() + (long) ((double) x * v.span() / width);
                    long slack = 3 * v.span() / width;
                    assertTrue(t >= first - slack && t <= last + slack, "column " + x);
                }
            }
            assertTrue(slow >= 1, "slow columns: " + slow);
            if (v != all) {
                assertTrue(slow > width / 2, "zoomed to the slowdown, most columns are slow: " + slow);
            }
        }
    }

    @Test
    void hoveringASlowStepSaysItsExcessAndWhatItCost() throws Exception {
        Derivation d = sample("sample-runs/clean-small/run.jsonl");
        TimelineLanes lanes = TimelineLanes.of(d);
        var steps = d.run().steps();
        int row = row(d, 377);
        long t = steps.startUs(row) + 1_000_000L;
        String text = StepHover.at(d, lanes.stepTimes(), t, 1000);
        int i = d.slowSteps().indexOfRow(row);
        String excess = dev.goodput.core.report.HumanFormat.duration(d.slowSteps().excessUs(i) / 1e6);
        assertTrue(text.startsWith("Step 377\nStart: "), text);
        assertTrue(text.contains("\nSlow step: " + excess + " above the typical 3.3 s for its 524,288 tokens"), text);
        assertTrue(text.contains("\nCost: " + excess + " × 8 accelerators, counted as slow_steps (model layer)"), text);
        assertTrue(text.endsWith("\nSource: " + steps.source(row)), text);
        // A typical step says what it was, and nothing about slowness.
        String typical = StepHover.at(d, lanes.stepTimes(), steps.startUs(row(d, 300)) + 1000, 1000);
        assertTrue(typical.startsWith("Step 300\n"), typical);
        assertFalse(typical.contains("Slow"), typical);
        assertEquals("", StepHover.at(d, lanes.stepTimes(), d.window().startUs() + 1_000_000L, 1000),
                "provisioning: no step");
        // Zoomed out, a column over many steps describes its slow one.
        String wide = StepHover.at(d, lanes.stepTimes(), steps.startUs(row), 60_000_000L);
        assertTrue(wide.startsWith("Step 377\n"), wide);
    }

    @Test
    void hoveringAColumnOfBloomsSlowdownCountsItsSlowSteps() throws Exception {
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        var steps = d.run().steps();
        long t = steps.startUs(d.slowSteps().row(100));
        String text = StepHover.at(d, TimelineLanes.of(d).stepTimes(), t, 3_600_000_000L); // an hour either side
        assertTrue(text.contains("\nSlow step: "), text);
        assertTrue(text.contains(" for its 4,194,304 tokens\nCost: "), text);
        assertTrue(text.contains(" × 384 accelerators"), text);
        assertTrue(text.contains("\nSlow steps here: "), text);
    }

    private static int row(Derivation d, long step) {
        var steps = d.run().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.number(i) == step) {
                return i;
            }
        }
        throw new AssertionError("no step " + step);
    }

    @Test
    void hoverTextSaysStateCauseLayerTimesAndSource() throws Exception {
        Derivation d = sample("sample-runs/clean-small/run.jsonl");
        IntervalLookup lookup = new IntervalLookup(d);
        long t = d.window().startUs() + 10_000_000L; // 10 s in: provisioning (0..42 s)
        String text = IntervalLookup.describe(lookup.get(lookup.indexAt(t)));
        assertEquals("""
                Lost: Provisioning / device init (provisioning)
                Layer: infra
                Start: 2025-03-03 09:00:00 UTC
                End: 2025-03-03 09:00:42 UTC
                Duration: 42.0 s
                Source: sample-runs/clean-small/run.jsonl:3""", text);
        assertEquals(-1, lookup.indexAt(d.window().endUs() + 1));
    }

    @Test
    void denseCheckpointsMarkExactlyTheColumnsThatHaveOne() {
        // 20,000 checkpoints at random times over 1,000 columns: the galloping skip must neither miss a column
        // nor mark one without a checkpoint.
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        long span = 86_400_000_000L;
        long[] ckpt = r.longs(20_000, 0, span).sorted().toArray();
        long[] sparse = java.util.Arrays.copyOf(ckpt, 0);
        for (long[] times : new long[][]{ckpt, java.util.Arrays.copyOfRange(ckpt, 0, 300), sparse}) {
            StateColumns cols = StateColumns.of(new long[]{0}, new long[]{span}, new int[]{0}, 1, 0, span);
            TimelineLanes lanes = new TimelineLanes(cols, StateCategories.synthetic(1), new long[]{0},
                    new long[]{span}, new boolean[1], new long[0], times, null, 0, span);
            int width = 1000;
            int[] px = new int[width * TimelineFrame.HEIGHT];
            TimelineViewport v = new TimelineViewport(0, span, span / 7, span / 7 + span / 3);
            new TimelineFrame().paint(lanes, v, width, px);
            boolean[] expected = new boolean[width];
            for (long t : times) {
                if (t >= v.start() && t < v.end()) {
                    expected[(int) v.xOf(t, width)] = true;
                }
            }
            for (int x = 0; x < width; x++) {
                assertEquals(expected[x], px[(TimelineFrame.CHECKPOINT_TOP + 3) * width + x] != 0, "column " + x);
            }
        }
    }

    @Test
    void gallopFindsTheFirstTimeAtOrAfter() {
        long[] a = {1, 3, 3, 5, 8, 13, 21, 34, 55, 89};
        for (int from = 0; from <= a.length; from++) {
            for (long t = 0; t < 100; t++) {
                int expected = from;
                while (expected < a.length && a[expected] < t) {
                    expected++;
                }
                assertEquals(expected, TimelineFrame.gallop(a, from, t), "from " + from + " t " + t);
            }
        }
    }

    @Test
    void lanesPreparedInTheBackgroundAreTheOnesTheViewGets() throws Exception {
        Derivation d = sample("sample-runs/clean-small/run.jsonl");
        TimelineLanes[] prepared = new TimelineLanes[1];
        Thread worker = new Thread(() -> prepared[0] = TimelineLanes.prepare(d));
        worker.start();
        worker.join();
        assertTrue(prepared[0] == TimelineLanes.of(d), "the view reuses what the load built");
        Derivation other = sample("sample-runs/clean-small/run.jsonl");
        assertTrue(prepared[0] != TimelineLanes.of(other), "another derivation gets its own lanes");
    }

    @Test
    void aHighlightedCauseStaysBrightAndTheRestFade() throws Exception {
        Derivation d = sample("sample-runs/clean-small/run.jsonl");
        TimelineLanes lanes = TimelineLanes.of(d);
        int width = 1200;
        TimelineViewport v = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        int provisioning = lanes.categories().indexOf(dev.goodput.core.model.Layer.INFRA, "provisioning");
        assertTrue(provisioning > 0);
        TimelineFrame frame = new TimelineFrame();
        frame.highlight(provisioning);
        int[] px = new int[width * TimelineFrame.HEIGHT];
        frame.paint(lanes, v, width, px);
        int y = TimelineFrame.STATE_TOP + TimelineFrame.STATE_HEIGHT - 1;
        // 10 s in is provisioning: full colour; 20 min in is productive: faded to a third of its opacity.
        int xProvisioning = (int) v.xOf(d.window().startUs() + 10_000_000L, width);
        int xProductive = (int) v.xOf(d.window().startUs() + 1_200_000_000L, width);
        assertEquals(lanes.categories().colour(provisioning), px[y * width + xProvisioning]);
        assertEquals((StatePalette.PRODUCTIVE & 0xFFFFFF) | 0x55000000, px[y * width + xProductive]);
        assertEquals(-1, lanes.categories().indexOf(dev.goodput.core.model.Layer.MODEL, "mfu_gap"),
                "model-layer causes have no intervals on the timeline");
        frame.highlight(-1);
        frame.paint(lanes, v, width, px);
        assertEquals(StatePalette.PRODUCTIVE, px[y * width + xProductive]);
    }

    @Test
    void pickingSlowStepsFadesEveryStateAndLeavesTheirMarksOnTheStepLane() throws Exception {
        Derivation d = sample("sample-runs/clean-small/run.jsonl");
        TimelineLanes lanes = TimelineLanes.of(d);
        var layer = dev.goodput.core.model.Layer.MODEL;
        int pick = TimelineFrame.highlightOf(lanes.categories(), new dev.goodput.chart.CauseKey(layer, "slow_steps"));
        assertEquals(TimelineFrame.ALL_STATES_FADED, pick);
        assertEquals(-1, TimelineFrame.highlightOf(lanes.categories(), new dev.goodput.chart.CauseKey(layer,
                "mfu_gap")));
        assertEquals(-1, TimelineFrame.highlightOf(lanes.categories(), null));
        TimelineFrame frame = new TimelineFrame();
        frame.highlight(pick);
        int width = 1200;
        int[] px = new int[width * TimelineFrame.HEIGHT];
        TimelineViewport v = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        frame.paint(lanes, v, width, px);
        int y = TimelineFrame.STATE_TOP + TimelineFrame.STATE_HEIGHT - 1;
        int xProductive = (int) v.xOf(d.window().startUs() + 1_200_000_000L, width);
        assertEquals((StatePalette.PRODUCTIVE & 0xFFFFFF) | 0x55000000, px[y * width + xProductive]);
        int x = (int) v.xOf(d.run().steps().startUs(row(d, 377)), width);
        assertEquals(TimelineFrame.SLOW_STEP, px[(TimelineFrame.STEP_TOP + 2) * width + x]);
    }
}
