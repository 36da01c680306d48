package dev.goodput.core.io;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseReliability;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void disruptionsAreTheEncodedCrashesHangsAndMaintenance() {
        // 1 documented (2022-03-21) + 10 assumed weekly GPU failures, 4 eval deadlocks (45k twice, 51k, 58k),
        // 1 emergency maintenance (job_end "preempted"); the 11 kill-switch restarts are not disruptions.
        assertEquals(16, report.disruptions());
        Map<String, Integer> byCause = report.reliability().causes().stream()
                .collect(Collectors.toMap(CauseReliability::cause, CauseReliability::count));
        assertEquals(Map.of("faulty_gpu", 11, "eval_deadlock", 4, "preemption", 1), byCause);
    }

    @Test
    void stepsMatchTheDiarysIterationCount() {
        assertEquals(94_767, report.steps().keptSteps(), "global_step94767 was the last step on 48 nodes");
        assertEquals(1_606, report.steps().wastedSteps(), "steps repeated after the 16 rollbacks");
        assertEquals(416, report.accelerators());
    }

    @Test
    void loadsWithoutErrors() {
        assertTrue(report.warnings().stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR),
                () -> report.warnings().toString());
    }
}
