package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Megatron-LM job logs written by hand (src/test/resources/logs/handmade, in the real line formats): job 1
 * trains iterations 1–40 at 2 s each (log interval 10), saves at 20 (10 s by its timer) and dies of an NCCL watchdog
 * timeout at 10:03:00; job 2 starts at 10:10:00, restores iteration 20 (15 s by its timer), repeats 21–40, saves at
 * 40 and finishes iteration 50 of 50 ("after training is done" at 10:12:15). By hand, in seconds of the 735 s window
 * (10:00:00 → 10:12:15), on 8 GPUs:
 * <ul>
 *   <li>productive 100: iterations 1–20 of job 1 (10:01:00 → 10:01:40) and 21–50 of job 2;</li>
 *   <li>program_startup 105: 10:00:00 → first step 10:01:00 (60) and restore end 10:10:15 → 10:11:00 (45);</li>
 *   <li>checkpoint_save 20: 10:01:40 → 10:01:50 and 10:11:40 → 10:11:50 (iteration time leaves saves out: the next
 *   report's steps begin where the save's timer ends);</li>
 *   <li>checkpoint_restore 15: 10:10:00 → 10:10:15;</li>
 *   <li>wasted_progress 40: iterations 21–40 of job 1, rolled back to the iteration-20 checkpoint;</li>
 *   <li>nccl_watchdog_timeouts 450: last step 10:02:30 → fault 10:03:00 (30) and no job until 10:10:00 (420);</li>
 *   <li>shutdown 5: last step 10:12:10 → 10:12:15.</li>
 * </ul>
 * Infra = 285 ÷ 735, framework = 100 ÷ 285, model = 400 TFLOP/s/GPU ÷ 989 peak (the trainer's own figure).
 */
class MegatronJobsByHandTest {
    private static final Path DIR = Path.of("src/test/resources/logs/handmade");

    private static long utc(String t) {
        Instant i = Instant.parse(t + "Z");
        return i.getEpochSecond() * 1_000_000L;
    }

    @Test
    void crashRollbackRestoreAndSavesEqualTheHandCalculationToTheSecond() throws Exception {
        // Given in the wrong order on purpose: files are ordered by time.
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(DIR.resolve("slurm-1002.out"),
                DIR.resolve("slurm-1001.out")));
        assertEquals(8, run.metadata().acceleratorCount());
        assertEquals("slurm-1001", run.metadata().name());
        List<JobAttempt> attempts = run.attempts();
        assertEquals(2, attempts.size());
        assertEquals(utc("2024-05-01T10:00:00"), attempts.get(0).startUs());
        assertEquals(utc("2024-05-01T10:03:00"), attempts.get(0).endUs());
        assertEquals(EndReason.FAULT, attempts.get(0).endReason());
        assertEquals(utc("2024-05-01T10:10:00"), attempts.get(1).startUs());
        assertEquals(utc("2024-05-01T10:12:15"), attempts.get(1).endUs());
        assertEquals(EndReason.COMPLETED, attempts.get(1).endReason());
        assertTrue(attempts.get(1).why().contains("slurm-1002.out"), attempts.get(1).why());
        assertEquals(70, run.steps().size());
        assertEquals("nccl_watchdog_timeouts", run.faults().get(0).cause());

        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults().withPeakOverride(989e12)).report();
        assertEquals(735, r.windowSeconds(), 1e-9);
        assertEquals(100, r.productiveSeconds(), 1e-6);
        assertEquals(105, seconds(r, "program_startup"), 1e-6);
        assertEquals(20, seconds(r, "checkpoint_save"), 1e-6);
        assertEquals(15, seconds(r, "checkpoint_restore"), 1e-6);
        assertEquals(40, seconds(r, "wasted_progress"), 1e-6);
        assertEquals(450, seconds(r, "nccl_watchdog_timeouts"), 1e-6);
        assertEquals(5, seconds(r, "shutdown"), 1e-6);
        assertEquals(0, seconds(r, "slow_steps"), 1e-6);
        assertEquals(285.0 / 735, r.goodput().infra(), 1e-12);
        assertEquals(100.0 / 285, r.goodput().framework(), 1e-12);
        assertEquals(400.0 / 989, r.goodput().model(), 1e-9);
        assertEquals(285.0 / 735 * 100.0 / 285 * 400.0 / 989, r.goodput().overall(), 1e-9);
        assertEquals("trainer-flops", r.mfu().source());
        assertEquals(1, r.disruptions());
    }

    /**
     * The node's kernel log beside the two jobs: its Xid 79 at 10:02:50, ten seconds before the NCCL watchdog, is the
     * first fault after job 1's last step, so it is the fatal fault and the NCCL timeout its cascade: the 450 s that
     * were charged to nccl_watchdog_timeouts are the faulty GPU's (20 s to the Xid, 10 s to the job's last line, 420 s with no
     * job). The kernel log makes no attempt of its own.
     */
    @Test
    void aNodeLogBesideTheJobsNamesTheRootCause(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path dmesg = java.nio.file.Files.writeString(dir.resolve("dmesg-node7.log"),
                "[Wed May  1 09:59:12 2024] nvidia-nvswitch0: open\n"
                        + "[Wed May  1 10:02:50 2024] NVRM: Xid (PCI:0000:9b:00): 79, pid=1234, name=python, GPU has "
                        + "fallen off the bus.\n");
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(DIR.resolve("slurm-1001.out"),
                DIR.resolve("slurm-1002.out"), dmesg));
        assertEquals(2, run.attempts().size());
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults().withPeakOverride(989e12)).report();
        assertEquals(450, seconds(r, "faulty_gpu"), 1e-6);
        assertEquals(0, seconds(r, "nccl_watchdog_timeouts"), 1e-6);
        assertEquals(285.0 / 735, r.goodput().infra(), 1e-12);
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }
}
