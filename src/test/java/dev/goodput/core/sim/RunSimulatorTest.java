package dev.goodput.core.sim;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.RunLogWriter;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSimulatorTest {
    /** The full Llama 3 setting: 54 days on 16,384 GPUs at the real 16M-token batch (~630k steps). */
    private static Run full;
    private static SimulationSpec fullSpec;

    @BeforeAll
    static void simulateFullRun() {
        fullSpec = SimulationSpec.llama3(SimulationSpec.DEFAULT_SEED);
        full = RunSimulator.simulate(fullSpec);
    }

    @Test
    void sameSeedGivesTheSameLogAndAnotherSeedDoesNot() throws IOException {
        SimulationSpec spec = SimulationSpec.llama3(7).withDays(3);
        String a = log(RunSimulator.simulate(spec));
        String b = log(RunSimulator.simulate(spec));
        assertEquals(a, b);
        assertNotEquals(a, log(RunSimulator.simulate(spec.withSeed(8))));
    }

    @Test
    void interruptionsOverFiftyFourDaysMatchTheTableWithinPoissonNoise() {
        long unplanned = unplannedEnds(full);
        // 419 ± 4σ; the mean is a few percent under 419 since nothing fails while the job is down.
        double band = 4 * Math.sqrt(419);
        assertTrue(Math.abs(unplanned - 419) <= band, "unplanned interruptions: " + unplanned);
        long planned = full.attempts().stream().filter(x -> x.endReason() == EndReason.CANCELLED).count();
        assertTrue(Math.abs(planned - 47) <= 4 * Math.sqrt(47), "planned interruptions: " + planned);
        // Most faults are logged; the rest leave unattributed restarts behind.
        assertTrue(full.faults().size() < unplanned && full.faults().size() > 0.85 * unplanned);
    }

    @Test
    void causeMixFollowsTheTable() {
        Map<String, Integer> seen = new HashMap<>();
        for (FaultEvent f : full.faults()) {
            seen.merge(f.cause(), 1, Integer::sum);
        }
        FailureRateTable table = fullSpec.failures();
        int logged = full.faults().size();
        for (FailureRate r : table.unexpected()) {
            double expected = logged * (double) r.count() / table.unexpectedCount();
            int observed = seen.getOrDefault(r.cause(), 0);
            // Binomial share: 4σ is generous for one fixed seed and still catches a wrong mix.
            double sigma = Math.sqrt(expected * (1 - (double) r.count() / table.unexpectedCount()));
            assertTrue(Math.abs(observed - expected) <= 4 * sigma + 1,
                    r.cause() + ": observed " + observed + ", expected " + expected);
        }
        assertTrue(seen.get("faulty_gpu") > seen.get("gpu_hbm3_memory"));
        assertTrue(seen.get("gpu_hbm3_memory") > seen.get("network_switch_cable"));
    }

    @Test
    void everyRestartResumesAfterTheLastCheckpointSoStepsAreRepeated() {
        StepTable s = full.steps();
        List<Checkpoint> checkpoints = full.checkpoints();
        int row = 0;
        for (JobAttempt a : full.attempts()) {
            while (row < s.size() && s.startUs(row) < a.startUs()) {
                row++;
            }
            if (row >= s.size()) {
                break;
            }
            long lastSaved = 0;
            for (Checkpoint c : checkpoints) {
                if (c.timeUs() < a.startUs()) {
                    lastSaved = c.step();
                }
            }
            assertEquals(lastSaved + 1, s.number(row), "first step of the attempt at " + a.startUs());
        }
        Set<Long> seen = new HashSet<>();
        long repeats = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!seen.add(s.number(i))) {
                repeats++;
            }
        }
        // Each fault rolls back about half a checkpoint interval (50 steps here), so far more than one step.
        assertTrue(repeats > 10 * unplannedEnds(full), "repeated step executions: " + repeats);
        assertEquals(s.size() - seen.size(), repeats);
    }

    @Test
    void derivationCountsOneDisruptionPerUnplannedRestartAndGoodputsAreFractions() {
        GoodputReport r = GoodputDeriver.derive(full, DerivationSettings.defaults()).report();
        assertEquals(unplannedEnds(full), r.disruptions());
        assertEquals(full.attempts().size(), r.disruptions() + plannedEnds(full) + 1);
        assertFraction(r.goodput().infra());
        assertFraction(r.goodput().framework());
        assertFraction(r.goodput().model());
        assertFraction(r.goodput().overall());
        assertEquals(fullSpec.expectedMfu(), r.goodput().model(), 0.005);
        assertTrue(r.goodput().model() > 0.38 && r.goodput().model() < 0.43);
        // Llama 3 reports "higher than 90%" effective training time; the assumed restart costs land near it.
        double effective = r.goodput().infra() * r.goodput().framework();
        assertTrue(effective > 0.85 && effective < 0.95, "effective training time " + effective);
        assertTrue(lost(r, "wasted_progress") > 0);
        assertTrue(lost(r, "unattributed_downtime") > 0);
        assertTrue(lost(r, "maintenance") > 0);
        assertTrue(lost(r, "faulty_gpu") > lost(r, "gpu_hbm3_memory"));
    }

    @Test
    void withoutFailuresTheRunIsOneAttemptWithNoRepeatedSteps() {
        SimulationSpec spec = SimulationSpec.llama3(1).withDays(1)
                .withFailures(new FailureRateTable("none", List.of(), 0));
        Run run = RunSimulator.simulate(spec);
        assertEquals(1, run.attempts().size());
        assertEquals(EndReason.COMPLETED, run.attempts().get(0).endReason());
        assertEquals(0, run.faults().size());
        StepTable s = run.steps();
        for (int i = 1; i < s.size(); i++) {
            assertEquals(s.number(i - 1) + 1, s.number(i));
        }
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
        assertEquals(0, r.disruptions());
        assertEquals(1.0, r.goodput().infra(), 0.01);
    }

    @Test
    void withPerfectLogsEveryUnplannedRestartHasAFaultAndAnEnd() {
        Run run = RunSimulator.simulate(SimulationSpec.llama3(3).withDays(7).withLogGaps(LogGaps.none()));
        assertEquals(unplannedEnds(run), run.faults().size());
        assertTrue(run.attempts().stream().filter(a -> a != run.attempts().get(run.attempts().size() - 1))
                .allMatch(a -> a.endReason() == EndReason.FAULT || a.endReason() == EndReason.CANCELLED));
    }

    private static void assertFraction(Double v) {
        assertTrue(v != null && v >= 0 && v <= 1, "not a fraction: " + v);
    }

    private static double lost(GoodputReport r, String cause) {
        return r.badput().stream().filter(b -> b.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    /** Attempts that ended unplanned: a fault, or an end nobody logged before the job came back. */
    static long unplannedEnds(Run run) {
        return run.attempts().stream()
                .filter(a -> a.endReason() != EndReason.COMPLETED && a.endReason() != EndReason.CANCELLED).count();
    }

    static long plannedEnds(Run run) {
        return run.attempts().stream().filter(a -> a.endReason() == EndReason.CANCELLED).count();
    }

    private static String log(Run run) throws IOException {
        StringWriter w = new StringWriter();
        new RunLogWriter().write(run, w);
        return w.toString();
    }
}
