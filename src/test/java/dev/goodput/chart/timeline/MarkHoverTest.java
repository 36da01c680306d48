package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.testing.FaultRuns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hovering a fault or a checkpoint says what it was and where it was logged; empty lanes say nothing. */
class MarkHoverTest {
    private static final long S = 1_000_000L;

    @Test
    void faultsAndCheckpointsSayWhatTheyWere() {
        RunBuilder b = new RunBuilder();
        b.jobStart(0, 8, 8, new Source("/logs/job1.log", 1));
        for (int i = 0; i < 6; i++) {
            b.step(i + 1, (10 + 10 * i) * S, (20 + 10 * i) * S, -1, new Source("/logs/job1.log", 20 + i));
        }
        b.checkpoint(new Checkpoint(3, 40 * S, 5 * S, new Source("/logs/job1.log", 30)));
        b.fault(new FaultEvent(75 * S, "nccl_watchdog_timeouts", "Watchdog caught collective operation timeout",
                "node7", 3,
                null, new Source("/logs/job1.log", 40)));
        b.fault(new FaultEvent(75 * S + 1000, "unknown", "SIGTERM to the group", null, -1, null,
                new Source("/logs/job1.log", 41)));
        b.jobEnd(80 * S, EndReason.FAULT, new Source("/logs/job1.log", 42));
        Derivation d = GoodputDeriver.derive(b.build(), DerivationSettings.defaults());

        String fault = MarkHover.fault(d, 75 * S, S);
        assertTrue(fault.startsWith("Fault: NCCL Watchdog Timeouts\nTime: "), fault);
        // The watchdog is the failure's root (the earliest fault in its window), the SIGTERM its cascade; the cause
        // was the reader's (no rule).
        assertTrue(fault.contains("Node: node7\nRank: 3\nRule: none: cause as the source reported it\n"
                + "Root of 1 cascade\nWatchdog caught"), fault);
        assertTrue(fault.contains("Source: job1.log:40"), fault);
        assertTrue(fault.endsWith("(1 more fault here: zoom in)"), fault);
        assertEquals("", MarkHover.fault(d, 30 * S, S));

        String ckpt = MarkHover.checkpoint(d, 42 * S, S);
        assertTrue(ckpt.startsWith("Checkpoint save of step 3\nStart: "), ckpt);
        assertTrue(ckpt.contains("Source: job1.log:30"), ckpt);
        assertEquals("", MarkHover.checkpoint(d, 70 * S, S));
    }

    @Test
    void aRealWatchdogSaysItsRuleAndCascadesAndATeardownLineItsRoot() {
        Derivation d = FaultRuns.run285();
        FaultLinks links = FaultLinks.of(d);
        FaultEvent watchdog = d.run().faults().stream().filter(f -> f.source().line() == 41).findFirst().orElseThrow();
        String root = MarkHover.fault(links, watchdog.timeUs(), S);
        assertEquals("Fault: NCCL Watchdog Timeouts\n"
                + "Time: 2026-05-20 06:31:05 UTC\n"
                + "Rank: 0\n"
                + "Rule: nccl_watchdog_timeout\n"
                + "Root of 2 cascades\n", root.substring(0, root.indexOf("Root of 2 cascades\n") + 19));
        assertTrue(root.contains("\nWatchdog caught collective operation timeout: WorkNCCL(SeqNum=3, "), root);
        assertTrue(root.endsWith("\nSource: torchtitan__qwen3_14b_8xb200__run285_nccl_watchdog_timeout_failed.log:41"),
                root);

        // torchrun's SIGTERM to a worker (line 125), a minute later: no rule names it, so it stays unattributed.
        FaultEvent sigterm = d.run().faults().stream().filter(f -> f.source().line() == 125).findFirst().orElseThrow();
        String cascade = MarkHover.fault(links, sigterm.timeUs(), S / 10);
        assertTrue(cascade.startsWith("Fault: Unattributed downtime\n"), cascade);
        assertTrue(cascade.contains("\nRule: no rule matched: unattributed\n"
                + "Cascade of NCCL Watchdog Timeouts at 2026-05-20 06:31:05 UTC "
                + "(torchtitan__qwen3_14b_8xb200__run285_nccl_watchdog_timeout_failed.log:41)\n"), cascade);
        assertTrue(cascade.contains("\nTime: 2026-05-20 06:32:05 UTC\n"), cascade);
        // The reader's summary of the line; the line itself is a jump away (its source).
        assertTrue(cascade.contains("SIGTERM to pid 2763825"), cascade);
        assertTrue(cascade.endsWith("_failed.log:125"), cascade);
    }
}
