package dev.goodput.core.io;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseReliability;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BLOOM-176B sample (sample-runs/bloom-176b), reconstructed from the public tr11-176B-ml chronicles:
 * it loads strictly and shows exactly the disruptions and steps encoded from the diary. Its goodputs are
 * checked against its README by SampleRunsTest.
 */
class BloomSampleTest {
    static final Path SAMPLE = Path.of("sample-runs", "bloom-176b", "run.jsonl");

    private static GoodputReport report;

    @BeforeAll
    static void derive() throws InputException {
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(SAMPLE));
        report = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    @Test
    void disruptionsAreTheEncodedCrashesAndHangs() {
        // 1 documented (2022-03-21) + 10 assumed weekly GPU failures, 4 eval deadlocks (45k twice, 51k, 58k). The
        // emergency maintenance (job_end "preempted") and the 11 kill-switch restarts ("cancelled") are planned
        // ends: restarts, not disruptions.
        assertEquals(15, report.disruptions());
        Map<String, Integer> byCause = report.reliability().causes().stream()
                .collect(Collectors.toMap(CauseReliability::cause, CauseReliability::count));
        assertEquals(Map.of("faulty_gpu", 11, "eval_deadlock", 4), byCause);
    }

    @Test
    void aGpuFailureIsRepairedWithinTheDiarysThreeHoursAndTheReadmeSaysSo() throws Exception {
        // "Most of the time the SLURM job auto-restarts and we lose at most 3 hours of training" (2022-04-XX): the
        // 10 min teardown and 5 min requeue the sample encodes, not the unexplained downtime after some crashes.
        CauseReliability gpu = report.reliability().causes().stream().filter(c -> c.cause().equals("faulty_gpu"))
                .findFirst().orElseThrow();
        assertEquals(15 * 60.0, gpu.mttrSeconds(), 1e-6);
        assertTrue(gpu.mttrSeconds() <= 3 * 3600);
        String readme = Files.readString(SAMPLE.resolveSibling("README.md")).replaceAll("\\s+", " ");
        String stated = "Disruptions: " + report.disruptions() + " (11 `faulty_gpu`, 4 `eval_deadlock`). MTBF "
                + HumanFormat.duration(report.reliability().mtbfSeconds()) + ", MTTR "
                + HumanFormat.duration(report.reliability().mttrSeconds()) + " (`faulty_gpu` "
                + HumanFormat.duration(gpu.mttrSeconds()) + ", `eval_deadlock` ";
        assertTrue(readme.contains(stated), stated);
    }

    @Test
    void stepsMatchTheDiarysIterationCount() {
        assertEquals(94_767, report.steps().keptSteps(), "global_step94767 was the last step on 48 nodes");
        assertEquals(1_606, report.steps().wastedSteps(),
                "steps repeated after the 15 disruptions and the maintenance");
        assertEquals(416, report.accelerators());
    }

    @Test
    void loadsWithoutErrors() {
        assertTrue(report.warnings().stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR),
                () -> report.warnings().toString());
    }
}
