package dev.goodput.chart.waterfall;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.load.RunRequest;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;
import dev.goodput.testing.SampleRuns;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hovering a model cause says what it is (slow steps counted, or its share of 1 − MFU), never "Intervals: 0". */
class WaterfallHoverTest {
    @TempDir
    Path dir;

    private static List<WaterfallModel.Segment> modelSegments(WaterfallModel m) {
        return m.bars().stream().filter(b -> b instanceof WaterfallModel.Step s && s.layer() == Layer.MODEL)
                .flatMap(b -> ((WaterfallModel.Step) b).segments().stream()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleRuns.CLEAN, SampleRuns.BLOOM, SampleRuns.LLAMA})
    void theMfuGapIsSteadyProductiveTimeBelowPeakAndSlowStepsAreCounted(String sample) {
        GoodputReport r = SampleRuns.derive(sample).report();
        WaterfallModel m = WaterfallModel.of(r, 0);
        for (WaterfallModel.Segment s : modelSegments(m)) {
            String text = WaterfallHover.describe(m, s, WaterfallOptions.defaults());
            assertFalse(text.contains("Intervals"), text);
            if (s.cause().equals("mfu_gap")) {
                assertTrue(text.endsWith("\nWhat it is: steady productive time × (1 − MFU) (MFU "
                        + HumanFormat.pct(r.mfu().mfu()) + ")"), text);
            } else {
                assertEquals("slow_steps", s.cause());
                assertTrue(text.endsWith("\nSlow steps: " + r.slowSteps().steps()
                        + " (their time above the typical step)"), text);
            }
        }
        // Infra and framework causes count their lost intervals, as before.
        WaterfallModel.Segment infra = ((WaterfallModel.Step) m.bars().get(1)).segments().get(0);
        assertTrue(WaterfallHover.describe(m, infra, WaterfallOptions.defaults())
                .endsWith("\nIntervals: " + infra.intervals()));
    }

    @Test
    void theBloomMfuGapSaysItsMfu() {
        GoodputReport r = SampleRuns.derive(SampleRuns.BLOOM).report();
        WaterfallModel m = WaterfallModel.of(r, WaterfallOptions.DEFAULT_OTHER_THRESHOLD);
        WaterfallModel.Segment gap = modelSegments(m).stream().filter(s -> s.cause().equals("mfu_gap"))
                .findFirst().orElseThrow();
        // The card's model goodput 35.64% = MFU × (productive − slow steps) ÷ productive, so the MFU is a shade above.
        assertTrue(WaterfallHover.describe(m, gap, WaterfallOptions.defaults())
                .contains("(1 − MFU) (MFU " + HumanFormat.pct(r.mfu().mfu()) + ")"));
        assertTrue(r.mfu().mfu() > r.goodput().model());
    }

    /** A profile splits 1 − MFU by cause: each says its share of it, and the shares make the whole. */
    @Test
    void profiledCausesSayTheirShareOfOneMinusMfu() throws Exception {
        Path log = TestInputs.qwenRunLog(dir.resolve("run.jsonl"), "");
        GoodputReport r = new RunPipeline().load(RunRequest.of(List.of(log, TestInputs.QWEN_H100),
                LoadOptions.of(LoadMode.STRICT))).derivation().report();
        WaterfallModel m = WaterfallModel.of(r, 0);
        List<WaterfallModel.Segment> causes = modelSegments(m);
        assertEquals(4, causes.size(), causes.toString());
        double sum = 0;
        for (WaterfallModel.Segment s : causes) {
            String text = WaterfallHover.describe(m, s, WaterfallOptions.defaults());
            assertFalse(text.contains("Intervals"), text);
            String line = text.lines().filter(l -> l.startsWith("Share of 1 − MFU: ")).findFirst().orElseThrow();
            assertTrue(line.endsWith("% (MFU " + HumanFormat.pct(r.mfu().mfu()) + ")"), line);
            double share = Double.parseDouble(line.substring("Share of 1 − MFU: ".length(), line.indexOf('%')));
            assertEquals(100 * s.seconds() / m.belowPeakSeconds(), share, 0.05, s.cause());
            sum += share;
        }
        assertEquals(100, sum, 0.2);
        // Together they are the productive time's (1 − MFU): no slow steps in ten even steps.
        assertEquals(r.productiveSeconds() * (1 - r.mfu().mfu()), m.belowPeakSeconds(), 1e-9);
    }
}
