package dev.goodput.core.derive;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import static dev.goodput.core.derive.ReportLookup.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of issue 2, computed by hand in each test's comment. */
class WorkedExamplesTest {
    private static final double EPS = 1e-9;

    @Test
    void twelveHundredPlannedHoursWith125LostToFaultsGive89point6PercentInfraGoodput() {
        // 1,200 h window; a GPU fault at 500 h takes the job down until 560 h, an HBM fault at 900 h until 965 h:
        // 60 h + 65 h = 125 h lost. Infra goodput = (1200 - 125) / 1200 = 0.89583 -> 89.6%.
        RunFixture f = new RunFixture().accelerators(1024);
        double h = 3600;
        f.start(0);
        f.steps(1, 50, 0, 10 * h); // 50 steps of 10 h (coarse, the infra math does not care)
        f.fault(500 * h, "faulty_gpu");
        f.start(560 * h);
        f.steps(50, 83, 560 * h, 10 * h); // resumes at step 50: step 50 was in flight at the fault
        f.fault(900 * h, "gpu_hbm3_memory");
        f.start(965 * h);
        double end = f.steps(84, 106, 965 * h, 10 * h); // 23 steps -> 1195 h
        f.end(1200 * h, EndReason.COMPLETED);
        assertEquals(1195 * h, end, 1e-6);
        GoodputReport r = f.derive().report();
        assertEquals(1200 * h, r.windowSeconds(), EPS);
        assertEquals((1200.0 - 125.0) / 1200.0, r.goodput().infra(), EPS);
        assertEquals("89.6", String.format(java.util.Locale.ROOT, "%.1f", r.goodput().infra() * 100));
        assertEquals(60 * h, seconds(r, "faulty_gpu"), 1e-6);
        assertEquals(65 * h, seconds(r, "gpu_hbm3_memory"), 1e-6);
        assertEquals(2, r.disruptions());
    }

    @Test
    void fiveStepsOfThreeSecondsCrashAndResumeFromStepTwoWasteSixSeconds() {
        // Steps 0..4 of 3 s (0..15 s), crash at 15 s; the restart restores the checkpoint of step 2, so it runs
        // steps 3 and 4 again: their first executions (2 x 3 s = 6 s) were rolled back.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 4, 0, 3);
        f.checkpoint(2, 9, 0);
        f.fault(15, "software_bug");
        f.start(20);
        f.phase(PhaseKind.CHECKPOINT_RESTORE, 20, 22);
        f.steps(3, 6, 22, 3);
        f.end(34, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(6.0, seconds(r, "wasted_progress"), EPS);
        assertEquals(5.0, seconds(r, "software_bug"), EPS); // 15 -> 20 down
        assertEquals(2.0, seconds(r, "checkpoint_restore"), EPS);
        // Productive: steps 0,1,2 of attempt 1 and 3..6 of attempt 2 = 7 x 3 s.
        assertEquals(21.0, r.productiveSeconds(), EPS);
        assertEquals(1, r.disruptions());
        assertEquals(2, r.steps().wastedSteps());
    }

    @Test
    void aRestartThatRepeatsNoStepNumberIsStillARestart() {
        // Steps 0..4 (0..15 s), a NIC fault at 17 s, the job is back at 30 s and goes on with step 5: no step
        // repeats (a checkpoint was taken at step 4). The 15 s gap is downtime, not a long step 4.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 4, 0, 3);
        f.fault(17, "nic");
        f.start(30);
        f.steps(5, 9, 30, 3);
        f.end(45, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(1, r.disruptions());
        assertEquals(0.0, seconds(r, "wasted_progress"), EPS);
        // 15..17 after the last step, then 17..30 down: all lost to the NIC fault (2 s + 13 s).
        assertEquals(15.0, seconds(r, "nic"), EPS);
        assertEquals(30.0, r.productiveSeconds(), EPS);
        assertEquals(30.0 / 45.0, r.goodput().infra(), EPS);
        assertEquals(1.0, r.goodput().framework(), EPS);
    }

    @Test
    void aRestartFromStepZeroWastesTheWholeFirstAttempt() {
        // No checkpoint: the second attempt starts over at step 0, so all of attempt 1's steps were rolled back.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 4, 0, 3);
        f.fault(15, "faulty_gpu");
        f.start(25);
        f.steps(0, 4, 25, 3);
        f.end(40, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(15.0, seconds(r, "wasted_progress"), EPS);
        assertEquals(15.0, r.productiveSeconds(), EPS);
        assertEquals(10.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(5, r.steps().wastedSteps());
    }

    @Test
    void anEvalInsideAStepIsCountedOnceAsEvaluation() {
        // Step 3 spans 9..19 s because a 7 s evaluation ran inside it (10..17 s): 7 s evaluation,
        // 3 s of step 3 productive; the step is left out of steady state.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 2, 0, 3);
        f.step(3, 9, 19);
        f.phase(PhaseKind.EVALUATION, 10, 17);
        f.steps(4, 6, 19, 3);
        f.end(28, EndReason.COMPLETED);
        Derivation d = f.derive();
        GoodputReport r = d.report();
        assertEquals(7.0, seconds(r, "evaluation"), EPS);
        assertEquals(21.0, r.productiveSeconds(), EPS);
        assertEquals(28.0, r.windowSeconds(), EPS);
        assertEquals(28.0, r.productiveSeconds() + totalLost(r), EPS);
        // With evaluation counted as productive, the same 7 s move to productive.
        GoodputReport asProductive = GoodputDeriver.derive(f.build(),
                DerivationSettings.defaults().withEvalProductive(true)).report();
        assertEquals(0.0, seconds(asProductive, "evaluation"), EPS);
        assertEquals(28.0, asProductive.productiveSeconds(), EPS);
    }

    @Test
    void aCheckpointSaveInsideAStepIsCountedOnceAsCheckpointSave() {
        // Steps logged by start only (ml-goodput style): the 2 s blocking save of step 3 falls inside step 3's
        // span (9..14 s); it is checkpoint badput and the rest of the span productive.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.stepStart(0, 0).stepStart(1, 3).stepStart(2, 6).stepStart(3, 9).stepStart(4, 14).stepStart(5, 17);
        f.checkpoint(3, 12, 2);
        f.end(20, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(2.0, seconds(r, "checkpoint_save"), EPS);
        assertEquals(18.0, r.productiveSeconds(), EPS);
        assertEquals(20.0, r.productiveSeconds() + totalLost(r), EPS);
    }

    @Test
    void acceleratorsAllocatedButNotUsedAreInfraBadput() {
        // 416 allocated, 384 in use (BLOOM's layout): 32/416 of the up time is idle capacity.
        RunFixture f = new RunFixture().accelerators(416);
        f.start(0, 416, 384);
        f.steps(0, 9, 0, 10);
        f.end(100, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(384.0 / 416.0, r.goodput().infra(), EPS);
        assertEquals(100.0 * 32 / 416, seconds(r, "idle_accelerators"), 1e-9);
        assertEquals(1.0, r.goodput().framework(), EPS);
    }

    @Test
    void downtimeWithNoKnownCauseIsUnattributed() {
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 4, 0, 3);
        f.end(15, EndReason.UNKNOWN);
        f.start(40);
        f.steps(5, 9, 40, 3);
        f.end(55, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(25.0, seconds(r, "unattributed_downtime"), EPS);
        assertEquals(1, r.disruptions());
    }

    @Test
    void loggedQueueDowntimeTakesPrecedenceOverUnattributed() {
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 4, 0, 3);
        f.end(15, EndReason.PREEMPTED);
        f.downtime(dev.goodput.core.model.DowntimeKind.QUEUE, 15, 35);
        f.start(40);
        f.steps(5, 9, 40, 3);
        f.end(55, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(20.0, seconds(r, "queue"), EPS);
        assertEquals(5.0, seconds(r, "preemption"), EPS);
    }

    @Test
    void firstStepExcessOverTheTypicalStepIsStartup() {
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.phase(PhaseKind.TRAINING_PREP, 0, 4);
        f.step(0, 4, 14); // 10 s: 7 s of compile over a typical 3 s step
        f.steps(1, 5, 14, 3);
        f.end(29, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(7.0, seconds(r, "program_startup"), EPS);
        assertEquals(4.0, seconds(r, "training_prep"), EPS);
        assertEquals(18.0, r.productiveSeconds(), EPS);
        assertEquals(3.0, r.steps().typicalSeconds(), EPS);
    }

    @Test
    void mfuIsModelFlopsOverSteadyStateCapacity() {
        // 8 accelerators of 100 TFLOP/s peak, 1.2e15 FLOPs per step, steps of 3 s:
        // MFU = 1.2e15 / (3 s x 8 x 1e14) = 0.5.
        RunFixture f = new RunFixture().metadata(new dev.goodput.core.model.RunMetadata("mfu", "X", 8, 1e14, "bf16",
                1.2e15, Double.NaN, Double.NaN, 0, 0, 0, 0, null, null));
        f.start(0);
        f.steps(0, 20, 0, 3);
        f.end(63, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(0.5, r.goodput().model(), EPS);
        assertEquals(r.goodput().infra() * r.goodput().framework() * 0.5, r.goodput().overall(), EPS);
        assertEquals(19, r.mfu().steadySteps()); // 21 steps minus 2 warm-up
        assertTrue(r.mfu().steadyStateRule().contains("MAD"));
    }

    static double totalLost(GoodputReport r) {
        return r.badput().stream().filter(c -> c.layer() != dev.goodput.core.model.Layer.MODEL)
                .mapToDouble(dev.goodput.core.report.CauseShare::seconds).sum();
    }
}
