package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two MLPerf v4.0 GPT-3 result files loaded and derived as {@code goodput report} does: the window is the last
 * run_stop minus the earliest init_start, and the logged evaluations are badput (cause {@code evaluation}).
 */
class MlperfEndToEndTest {
    private static GoodputReport report(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    /**
     * By hand from the file: earliest init_start 1715043538598 (line 67 of 512), run_stop 1715046977115: a window of
     * 3,438.517 s; 24 eval_start..eval_stop intervals, 268.873 s in all; init_start → run_start (1715043829220) is
     * 290.622 s of startup, to which the derivation adds the first step's excess over the typical step.
     */
    @Test
    void nvidia() throws Exception {
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(MlperfRecogniserTest.NVIDIA));
        assertEquals(1, run.attempts().size());
        assertEquals(EndReason.COMPLETED, run.attempts().get(0).endReason());
        assertEquals(512, run.metadata().acceleratorCount());
        assertEquals("NVIDIA H100-SXM5-80GB", run.metadata().acceleratorType());
        assertEquals(264, run.steps().size()); // 24 blocks of 11 steps of 2304 × 2048 tokens

        GoodputReport r = report(run);
        assertEquals(3438.517, r.windowSeconds(), 1e-9);
        assertEquals(268.873, seconds(r, "evaluation"), 1e-9);
        double startup = seconds(r, "program_startup");
        assertTrue(startup >= 290.622 && startup < 290.622 + 0.2, "startup " + startup);
        // The rest is training, but for the millisecond gaps between the logged intervals.
        assertEquals(3438.517 - 268.873 - startup, r.productiveSeconds(), 0.05);
    }

    /**
     * By hand from the file: init_start 1709183679041, run_stop 1709190685725: a window of 7,006.684 s; no
     * eval_start/eval_stop (MaxText's evaluations are inside its blocks), so no evaluation badput; init_start →
     * run_start (1709183798092) is 119.051 s of startup.
     */
    @Test
    void google() throws Exception {
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(MlperfRecogniserTest.GOOGLE));
        assertEquals(1, run.attempts().size());
        assertEquals(EndReason.COMPLETED, run.attempts().get(0).endReason());
        assertEquals("TPU v5p", run.metadata().acceleratorType());
        assertEquals(288, run.steps().size());

        GoodputReport r = report(run);
        assertEquals(7006.684, r.windowSeconds(), 1e-9);
        assertEquals(0, seconds(r, "evaluation"), 0);
        assertTrue(seconds(r, "program_startup") >= 119.051, "startup " + seconds(r, "program_startup"));
    }
}
