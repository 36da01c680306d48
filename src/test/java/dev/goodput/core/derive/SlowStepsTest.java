package dev.goodput.core.derive;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import static dev.goodput.core.derive.ReportLookup.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slow steps cost their excess over the typical step (model layer), worked out by hand in each comment. */
class SlowStepsTest {
    private static final double EPS = 1e-9;

    /** 8 allocated, 100 TFLOP/s peak, 3e15 FLOPs per step (the run's figure, whatever its tokens). */
    private static RunFixture run() {
        return new RunFixture().metadata(new RunMetadata("slow", "X", 8, 1e14, "bf16", 3e15, Double.NaN, Double.NaN,
                0, 0, 0, 0, null, null));
    }

    /** 2 warm-up steps and 10 steps of 10 s, then 3 of 12 s, on 6 of the 8 accelerators; tokens as given. */
    private static GoodputReport tenFastThreeSlow(long tokens) {
        RunFixture f = run();
        f.start(0, 8, 6);
        double t = f.steps(0, 11, 0, 10, tokens);
        t = f.steps(12, 14, t, 12, tokens);
        f.end(t, EndReason.COMPLETED);
        assertEquals(156.0, t, EPS);
        return f.derive().report();
    }

    @Test
    void threeStepsTwoSecondsOverATypicalTenCostSixSecondsOnTheAcceleratorsInUse() {
        // Candidates (past the 2 warm-up steps): 10 x 10 s and 3 x 12 s. Median 10 s, MAD 0, so the limit is
        // 10 s + 5% = 10.5 s: the three 12 s steps are slow, 2 s over typical each = 6 s on 6 of 8 accelerators
        // = 6 x 6 / 8 = 4.5 window-seconds.
        // Productive: 156 s x 6/8 = 117 s. MFU on the 10 steady steps: 3e15 / (10 s x 6 x 1e14) = 0.5.
        // Model goodput = 0.5 x (117 - 4.5) / 117; mfu_gap = (117 - 4.5) x (1 - 0.5) = 56.25 s.
        // Overall = (117 - 4.5) x 0.5 / 156 = 0.36058 = infra 0.75 x framework 1 x model.
        GoodputReport r = tenFastThreeSlow(1000);
        assertEquals(4.5, seconds(r, "slow_steps"), EPS);
        assertEquals(3, r.slowSteps().steps());
        assertEquals(3, slowShare(r).intervals());
        assertTrue(r.slowSteps().perToken());
        assertEquals(10.0 / 1000, r.slowSteps().typicalSeconds(), EPS);
        assertEquals(117.0, r.productiveSeconds(), EPS);
        assertEquals(0.5, r.mfu().mfu(), EPS);
        assertEquals(10, r.mfu().steadySteps());
        assertEquals(0.5 * 112.5 / 117, r.goodput().model(), EPS);
        assertEquals(56.25, seconds(r, "mfu_gap"), EPS);
        assertEquals(0.75, r.goodput().infra(), EPS);
        assertEquals(1.0, r.goodput().framework(), EPS);
        assertEquals(112.5 * 0.5 / 156, r.goodput().overall(), EPS);
        // The model layer is the productive time that made no model FLOPs at peak.
        assertEquals(117 - 112.5 * 0.5, seconds(r, "slow_steps") + seconds(r, "mfu_gap"), EPS);
    }

    @Test
    void withoutTokensStepsAreComparedPerStepToTheSameResult() {
        GoodputReport r = tenFastThreeSlow(-1);
        assertFalse(r.slowSteps().perToken());
        assertEquals(10.0, r.slowSteps().typicalSeconds(), EPS);
        assertEquals(4.5, seconds(r, "slow_steps"), EPS);
        assertEquals(0.5 * 112.5 / 117, r.goodput().model(), EPS);
    }

    /** A batch-size ramp at 1 ms per token: 1,000-token steps of 1 s, 2,000-token of 2 s, then 4,000-token of 4 s. */
    private static double ramp(RunFixture f) {
        f.start(0);
        double t = f.steps(0, 5, 0, 1, 1000);
        t = f.steps(6, 15, t, 2, 2000);
        return f.steps(16, 18, t, 4, 4000);
    }

    @Test
    void aBatchSizeRampAtTheSameSpeedPerTokenHasNoSlowStep() {
        // Candidates: 4 x 1 s, 10 x 2 s, 3 x 4 s. Per step the median is 2 s with MAD 0, and the 4 s steps are
        // twice that (the step statistics call them anomalous); per token every step takes 1 ms, so nothing is
        // slow and every step after warm-up is steady state.
        RunFixture f = run();
        f.end(ramp(f), EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(0, r.slowSteps().steps());
        assertEquals(0.0, seconds(r, "slow_steps"), 0);
        assertTrue(r.badput().stream().noneMatch(c -> c.cause().equals("slow_steps")));
        assertEquals(17, r.mfu().steadySteps());
        assertEquals(0.001, r.slowSteps().typicalSeconds(), EPS);
        assertEquals(3, r.steps().anomalousCount(), "per step, the large batches look slow");
        assertEquals(r.mfu().mfu(), r.goodput().model(), EPS);
    }

    @Test
    void aSlowStepInARampIsMeasuredAgainstTheTypicalTimeForItsTokens() {
        // The ramp, and one more 4,000-token step of 5 s: 1.25 ms per token against a typical 1 ms, and longer
        // than a typical step (2 s) too. Its excess is 5 s - 1 ms x 4,000 = 1 s, on all 8 accelerators.
        RunFixture f = run();
        double t = ramp(f);
        f.step(19, t, t + 5, 4000);
        f.end(t + 5, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(1, r.slowSteps().steps());
        assertEquals(1.0, seconds(r, "slow_steps"), EPS);
        assertEquals(17, r.mfu().steadySteps());
    }

    @Test
    void smallBatchesLessEfficientPerTokenButShorterThanATypicalStepAreNotSlow() {
        // BLOOM's ramp: small batches take longer per token (pipeline bubbles) but less time than a full step.
        // 1,000-token steps of 2 s (2 ms per token) and 4,000-token steps of 4 s (1 ms per token): the small ones
        // are outliers per token, not per step, so not slow; their inefficiency is in the MFU.
        RunFixture f = run();
        f.start(0);
        double t = f.steps(0, 5, 0, 2, 1000);
        t = f.steps(6, 15, t, 4, 4000);
        f.end(t, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(0, r.slowSteps().steps());
        assertEquals(14, r.mfu().steadySteps());
    }

    @Test
    void stepsOverlappedByAPauseOrInWarmUpAreNeitherSteadyNorSlow() {
        // The slow 12 s steps are the first two after the start (warm-up) and one around an evaluation.
        RunFixture f = run();
        f.start(0);
        f.step(0, 0, 12).step(1, 12, 24);
        double t = f.steps(2, 11, 24, 10);
        f.step(12, t, t + 12);
        f.phase(PhaseKind.EVALUATION, t + 1, t + 2);
        t = f.steps(13, 15, t + 12, 10);
        f.end(t, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(0, r.slowSteps().steps());
        assertEquals(13, r.mfu().steadySteps());
    }

    @Test
    void slowStepsAreReportedEvenWhenTheMfuIsUnknown() {
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        double t = f.steps(0, 11, 0, 10);
        t = f.steps(12, 14, t, 12);
        f.end(t, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(null, r.goodput().model());
        assertEquals(6.0, seconds(r, "slow_steps"), EPS);
        assertEquals(6.0, r.layers().get(dev.goodput.core.model.Layer.MODEL.ordinal()).seconds(), EPS);
    }

    private static CauseShare slowShare(GoodputReport r) {
        return r.badput().stream().filter(c -> c.cause().equals("slow_steps")).findFirst().orElseThrow();
    }
}
