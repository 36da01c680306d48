package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BLOOM-176B's slowdown of 04-28 → 05-01 (one slow GPU: 149 → 140 TFLOPs, 111.0 s steps against ~105 s for the
 * ~2,218 steps 42783–45000, some of them run twice) is slow_steps: about 6 s per step on 384 GPUs, ~1,370 GPU-hours,
 * ~3.3 h of the window on 416. The batch-size ramp before 03-18 is not a slowdown.
 */
class BloomSlowStepsTest {
    @Test
    void theSlowdownCostsAboutThreeAndAHalfHoursOfTheWindow() {
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        GoodputReport r = d.report();
        double hours = ReportLookup.seconds(r, "slow_steps") / 3600;
        assertTrue(hours > 3.0 && hours < 3.6, "slow_steps: " + hours + " h");
        assertTrue(r.slowSteps().perToken(), "BLOOM's steps log their tokens (the ramp)");
        int n = r.slowSteps().steps();
        assertTrue(n > 2_100 && n <= 2_218, n + " slow steps");
        // Every slow step is one of the slowdown's (the ramp's small batches are not slow), 5-6.5 s over typical.
        StepTable s = d.run().steps();
        SlowSteps slow = d.slowSteps();
        for (int i = 0; i < slow.count(); i++) {
            long step = s.number(slow.row(i));
            assertTrue(step >= 42_783 && step <= 45_000, "step " + step);
            assertTrue(slow.excessUs(i) > 5_000_000 && slow.excessUs(i) < 6_500_000, "excess " + slow.excessUs(i));
        }
        // The MFU is measured on the same steady steps as before; the model goodput is what is left of it.
        assertEquals(92_474, r.mfu().steadySteps()); // 92,500 before the 13 time-limit restarts: 2 warm-up steps each
        assertEquals(r.mfu().mfu() * (r.productiveSeconds() - hours * 3600) / r.productiveSeconds(),
                r.goodput().model(), 1e-12);
    }
}
