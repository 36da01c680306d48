package dev.goodput.cli;

import dev.goodput.testing.RunawayRuleWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a shared workspace's rule whose pattern backtracks without end on a run's message is disabled with a
 * warning on the command line; the report is still written.
 */
class ReportRuleBudgetTest {
    @TempDir
    Path dir;

    @Test
    void aRunawayRulePatternIsDisabledWithAWarningAndTheReportStillComes() throws Exception {
        Path ws = RunawayRuleWorkspace.write(dir);
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), // a guard against a hang only
                () -> CliRun.of("report", "--workspace", ws.toString(), "--format", "json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("goodput: warning: " + RunawayRuleWorkspace.WARNING), r.err());
        assertTrue(r.json().has("goodput"));
    }
}
