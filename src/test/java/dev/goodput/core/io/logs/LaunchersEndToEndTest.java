package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NeMo, torchtitan and MaxText logs (with torchrun's lines) loaded as runs and derived. */
class LaunchersEndToEndTest {
    private static Run load(Path p) throws Exception {
        return new RunLoader(LoadMode.STRICT).load(List.of(p));
    }

    private static GoodputReport derive(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    @Test
    void nemoBaselineFromTorchrunsStartToItsFinish() throws Exception {
        Run run = load(NemoRecogniserTest.BASELINE);
        assertEquals(1, run.attempts().size());
        JobAttempt a = run.attempts().get(0);
        assertEquals(EndReason.COMPLETED, a.endReason());
        // torchrun's glog banner (no year: the year of the NeMo lines) to "worker group successfully finished".
        assertEquals(utc(2025, 3, 7, 22, 33, 45, 902_000), a.startUs());
        assertEquals(utc(2025, 3, 7, 22, 36, 44, 958_000), a.endUs());
        assertEquals(20, run.steps().size());
        assertEquals(8, run.metadata().acceleratorCount());
        assertEquals(List.of(9L, 18L), run.checkpoints().stream().map(Checkpoint::step).toList());
        for (Checkpoint c : run.checkpoints()) {
            assertTrue(c.blockingUs() > 0 && c.blockingUs() < 10_000_000, c.toString());
        }
        GoodputReport r = derive(run);
        assertEquals(179.056, r.windowSeconds(), 1e-9);
        assertTrue(seconds(r, "checkpoint_save") > 0);
        assertTrue(r.productiveSeconds() > 140 && r.productiveSeconds() < 160, "20 steps of 7.6 s (the first 10.3 s)");
        assertEquals(1.0, r.goodput().infra(), 1e-12);
    }

    @Test
    void nemoInJobRestartIsTwoAttemptsAndRollsBackTheStepsAfterTheCheckpoint() throws Exception {
        Run run = load(NemoRecogniserTest.CRASH);
        assertEquals(List.of(EndReason.FAULT, EndReason.COMPLETED), run.attempts().stream()
                .map(JobAttempt::endReason).toList());
        assertEquals(utc(2025, 3, 7, 22, 39, 36, 177_000), run.attempts().get(0).endUs(),
                "ft_launcher's 'will restart worker group'");
        assertEquals(26, run.steps().size());
        assertEquals(List.of("software_bug", "unattributed_downtime", "unattributed_downtime"),
                run.faults().stream().map(FaultEvent::cause)
                .toList());
        assertEquals(2, run.faults().get(0).rank());
        GoodputReport r = derive(run);
        // Steps 10–15 of the first attempt were redone from the step-9 checkpoint.
        assertTrue(seconds(r, "wasted_progress") > 35, r.badput().toString());
        // The root cause, the worker's exception (placed after the steps logged before it), is the fatal fault: the
        // crash to the restart is its time, in the framework layer; the restart is in-job, so no infra time is lost.
        assertTrue(seconds(r, "software_bug") > 10, r.badput().toString());
        assertEquals(1.0, r.goodput().infra(), 1e-12);
    }

    @Test
    void nemoStragglerStopIsAnInfraFault() throws Exception {
        Run run = load(NemoRecogniserTest.STRAGGLER);
        assertEquals(EndReason.FAULT, run.attempts().get(0).endReason());
        FaultEvent s = run.faults().get(0);
        assertEquals("straggler", s.cause());
        assertEquals(5, s.rank());
        GoodputReport r = derive(run);
        assertTrue(seconds(r, "straggler") > 0, r.badput().toString());
    }

    @Test
    void nemoPreemptionEndsThePreemptedAttempt() throws Exception {
        Run run = load(NemoRecogniserTest.PREEMPTION);
        assertEquals(EndReason.PREEMPTED, run.attempts().get(0).endReason());
        assertEquals(3, run.steps().size());
        GoodputReport r = derive(run);
        // A preemption is a planned end (docs/derivation.md, "Attempts and restarts" rule 5): not a disruption, and
        // with no attempt after it the run ended there, its save and exit after the last step being shutdown.
        assertEquals(0, r.disruptions());
        assertEquals(0.0, seconds(r, "preemption"), 1e-12);
        assertTrue(seconds(r, "shutdown") > 0, r.badput().toString());
    }

    @Test
    void torchtitanFailedRunKeepsItsSettingsAndFaults() throws Exception {
        Run run = load(TorchtitanRecogniserTest.ILLEGAL_ACCESS);
        assertEquals(EndReason.FAULT, run.attempts().get(0).endReason());
        assertEquals("NVIDIA B200", run.metadata().acceleratorType());
        assertEquals(8, run.metadata().acceleratorCount());
        assertEquals(2.25e15, run.metadata().peakFlopsPerAccelerator(), 1);
        assertEquals(List.of("software_bug", "unattributed_downtime", "unattributed_downtime"),
                run.faults().stream().map(FaultEvent::cause)
                .toList());
        assertEquals(utc(2026, 5, 19, 19, 52, 14, 553_434), run.faults().get(0).timeUs());
    }

    @Test
    void maxTextDpoRun() throws Exception {
        Run run = load(MaxTextRecogniserTest.DPO);
        assertEquals(500, run.steps().size());
        assertEquals(List.of(1L, 500L), run.checkpoints().stream().map(Checkpoint::step).toList());
        assertEquals(9_259_019, run.checkpoints().get(0).blockingUs(), "16:50:15.745458 to 16:50:25.004477");
        GoodputReport r = derive(run);
        assertTrue(seconds(r, "evaluation") > 15, r.badput().toString());
        assertEquals("MaxText TFLOP/s/device", run.metadata().reportedFlops().figure());
    }
}
