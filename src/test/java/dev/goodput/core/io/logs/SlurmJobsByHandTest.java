package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run of three SLURM jobs written by hand (src/test/resources/logs/handmade, NOTICE.md): sacct's records
 * ({@code sacct_2001-2003.txt}, -P) and each job's Megatron-LM log, 16 GPUs (AllocTRES gres/gpu=16, world size 16),
 * log interval 10, every iteration 2 s, 400 TFLOP/s per GPU, all times UTC on 2024-05-01:
 * <pre>
 * job   submitted  started   ended     state      its log
 * 2001  09:50:00   10:00:00  10:08:00  NODE_FAIL  first line 10:01:00, steps 1-40 from 10:02:00, save at 20
 *                                                 (10 s), last report 10:03:30; slurmstepd's node-failure banner
 *                                                 at 10:08:00
 * 2002  09:50:05   10:10:00  10:24:00  FAILED     first line 10:11:00, restores 20 (15 s), steps 21-60 from
 *                                                 10:12:00, save at 40, last report 10:13:30; the NCCL watchdog
 *                                                 fires at 10:23:30 (Timeout 600000 ms: the collective hung at
 *                                                 10:13:30)
 * 2003  09:50:10   10:30:00  10:34:00  COMPLETED  first line 10:31:00, restores 40, steps 41-80 from 10:32:00,
 *                                                 save at 60, last report 10:33:30, done 10:33:35
 * </pre>
 * By hand, in seconds of the window from the first submission (09:50:00) to the last job's end (10:34:00), 2640 s:
 * <ul>
 *   <li>queue 600: 09:50:00 → 10:00:00, the first job's wait (the later jobs' waits are part of their restarts);</li>
 *   <li>provisioning 180: each job's start → its log's first line, 60 s × 3;</li>
 *   <li>program_startup 150: first line → first step, less the restore: 60 (job 1) + 45 + 45;</li>
 *   <li>checkpoint_restore 30: 10:11:00 → 10:11:15 and 10:31:00 → 10:31:15 (the load timers' 15 s);</li>
 *   <li>checkpoint_save 30: at 20, 40 and 60, 10 s each (the steps after a save begin when its timer ends);</li>
 *   <li>productive 160: steps 1–80 once each, 2 s each (1–20 of job 1, 21–40 of job 2, 41–80 of job 3);</li>
 *   <li>wasted_progress 80: 21–40 of job 1 (rolled back to the checkpoint at 20) and 41–60 of job 2 (to 40);</li>
 *   <li>node_failure 390: job 1's last step 10:03:30 → its end 10:08:00 (270) and no job until 10:10:00 (120);
 *   one fault: sacct's NODE_FAIL and slurmstepd's banner say the same and count once;</li>
 *   <li>nccl_watchdog_timeouts 990: job 2's last step 10:13:30 → its end 10:24:00 (630) and no job until 10:30:00 (360). The
 *   watchdog (10:23:30) is the root: sacct's FAILED at 10:24:00 is later, a cascade that costs nothing. This is
 *   also what docs/derivation.md's linking window gives (10:14:00–10:29:00, widened by the watchdog's 600 s
 *   timeout + 1 min to 10:12:30: the earliest fault in it is the watchdog), so the figures do not depend on the
 *   pending root-and-cascade rule;</li>
 *   <li>shutdown 30: job 3's last step 10:33:30 → its end 10:34:00.</li>
 * </ul>
 * 600 + 180 + 150 + 30 + 30 + 160 + 80 + 390 + 990 + 30 = 2640. Infra badput = 600 + 180 + 390 + 990 = 2160, so
 * available = 480: infra goodput = 480 ÷ 2640, framework = 160 ÷ 480, model = 400 ÷ 989 (the trainer's TFLOP/s
 * against the H100's dense BF16 peak). Two disruptions (the node failure, the NCCL hang).
 */
class SlurmJobsByHandTest {
    private static final Path DIR = Path.of("src/test/resources/logs/handmade");
    private static final Path SACCT = DIR.resolve("sacct_2001-2003.txt");
    private static final Path TABLE = DIR.resolve("sacct_2001-2003_table.txt");
    private static final List<Path> LOGS = List.of(DIR.resolve("slurm-2001.out"), DIR.resolve("slurm-2002.out"),
            DIR.resolve("slurm-2003.out"));

    @TempDir
    Path dir;

    private static Run load(Path sacct, List<Path> logs, LoadOptions options) throws Exception {
        List<Path> files = new java.util.ArrayList<>(logs);
        files.add(0, sacct);
        return new RunLoader(options).load(files);
    }

    private static GoodputReport report(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults().withPeakOverride(989e12)).report();
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    @Test
    void threeJobsEqualTheHandCalculationToTheSecond() throws Exception {
        Run run = load(SACCT, LOGS, LoadOptions.of(LoadMode.STRICT));
        assertEquals(16, run.metadata().acceleratorCount());
        List<JobAttempt> a = run.attempts();
        assertEquals(3, a.size());
        assertEquals(utc("2024-05-01T10:00:00"), a.get(0).startUs());
        assertEquals(utc("2024-05-01T10:08:00"), a.get(0).endUs());
        assertEquals(EndReason.FAULT, a.get(0).endReason());
        assertEquals(16, a.get(0).allocated());
        assertTrue(a.get(0).why().startsWith("scheduler job 2001 at sacct_2001-2003.txt:2, NODE_FAIL; first line of "
                + "slurm-2001.out"), a.get(0).why());
        assertEquals(utc("2024-05-01T10:10:00"), a.get(1).startUs());
        assertEquals(utc("2024-05-01T10:24:00"), a.get(1).endUs());
        assertEquals(EndReason.FAULT, a.get(1).endReason());
        assertEquals(utc("2024-05-01T10:30:00"), a.get(2).startUs());
        assertEquals(utc("2024-05-01T10:34:00"), a.get(2).endUs());
        assertEquals(EndReason.COMPLETED, a.get(2).endReason());

        assertEquals(List.of(new Downtime(DowntimeKind.QUEUE, utc("2024-05-01T09:50:00"), utc("2024-05-01T10:00:00"),
                "queue", new dev.goodput.core.model.Source(SACCT.toString(), 2))), run.downtimes());
        List<Phase> provisioning = run.phases().stream().filter(p -> p.kind() == PhaseKind.PROVISIONING).toList();
        assertEquals(List.of(utc("2024-05-01T10:00:00"), utc("2024-05-01T10:10:00"), utc("2024-05-01T10:30:00")),
                provisioning.stream().map(Phase::startUs).toList());
        assertEquals(List.of(utc("2024-05-01T10:01:00"), utc("2024-05-01T10:11:00"), utc("2024-05-01T10:31:00")),
                provisioning.stream().map(Phase::endUs).toList());

        // The node failure once (slurmstepd's banner; sacct's NODE_FAIL says the same), the watchdog, sacct's FAILED.
        List<FaultEvent> faults = run.faults();
        assertEquals(List.of("node_failure", "nccl_watchdog_timeouts", "unattributed_downtime"),
                faults.stream().map(FaultEvent::cause).toList());
        FaultEvent failed = faults.get(2);
        assertEquals(utc("2024-05-01T10:24:00"), failed.timeUs());
        assertEquals("slurm: job 2002 FAILED, exit 1:0, step 2002.0 FAILED on node[03-04]", failed.message());
        assertEquals("node03,node04", failed.node());
        assertNull(failed.rule()); // FAILED names no cause: the watchdog before it is the root
        assertEquals("slurm_node_failure", faults.get(0).rule()); // slurmstepd's banner
        assertEquals(SACCT + ":6", failed.source().toString());

        GoodputReport r = report(run);
        assertEquals(utc("2024-05-01T09:50:00"), r.windowStartUs()); // the first submission
        assertEquals(2640, r.windowSeconds(), 1e-9);
        assertEquals(160, r.productiveSeconds(), 1e-6);
        assertEquals(600, seconds(r, "queue"), 1e-6);
        assertEquals(180, seconds(r, "provisioning"), 1e-6);
        assertEquals(150, seconds(r, "program_startup"), 1e-6);
        assertEquals(30, seconds(r, "checkpoint_restore"), 1e-6);
        assertEquals(30, seconds(r, "checkpoint_save"), 1e-6);
        assertEquals(80, seconds(r, "wasted_progress"), 1e-6);
        assertEquals(390, seconds(r, "node_failure"), 1e-6);
        assertEquals(990, seconds(r, "nccl_watchdog_timeouts"), 1e-6);
        assertEquals(30, seconds(r, "shutdown"), 1e-6);
        assertEquals(0, seconds(r, "unattributed_downtime"), 1e-6);
        assertEquals(0, seconds(r, "idle_accelerators"), 1e-6);
        assertEquals(480.0 / 2640, r.goodput().infra(), 1e-12);
        assertEquals(160.0 / 480, r.goodput().framework(), 1e-12);
        assertEquals(400.0 / 989, r.goodput().model(), 1e-9);
        assertEquals(2, r.disruptions());
        assertTrue(run.problems().stream().noneMatch(p -> p.message().contains("clock-offset")), run.problems()
                .toString());
    }

    /** sacct's fixed-width table of the same jobs gives the same run, figure for figure. */
    @Test
    void theFixedWidthTableGivesTheSameRun() throws Exception {
        GoodputReport parsable = report(load(SACCT, LOGS, LoadOptions.of(LoadMode.STRICT)));
        GoodputReport table = report(load(TABLE, LOGS, LoadOptions.of(LoadMode.STRICT)));
        assertEquals(parsable.windowStartUs(), table.windowStartUs());
        assertEquals(parsable.windowEndUs(), table.windowEndUs());
        assertEquals(parsable.goodput(), table.goodput());
        for (CauseShare c : parsable.badput()) {
            assertEquals(c.seconds(), seconds(table, c.cause()), 1e-9, c.cause());
        }
    }

    /**
     * Job 2001's log 63 s early (its node's clock, say): a warning names the file and the offset that fixes it, and
     * {@code --clock-offset FILE=63} gives the run of the hand calculation again.
     */
    @Test
    void aLogOutsideItsJobIsWarnedAboutWithTheOffsetThatFixesIt() throws Exception {
        Path early = shifted(DIR.resolve("slurm-2001.out"), dir.resolve("rank0.log"), -63);
        List<Path> logs = List.of(early, LOGS.get(1), LOGS.get(2));
        Run skewed = load(SACCT, logs, LoadOptions.of(LoadMode.STRICT));
        List<String> clock = skewed.problems().stream().map(Problem::message)
                .filter(m -> m.contains("--clock-offset")).toList();
        assertEquals(List.of("rank0.log starts 3 s before job 2001 started (sacct_2001-2003.txt:2); if the clocks "
                + "differ, --clock-offset " + early + "=3 fixes it"), clock);
        // Its first line was at 09:59:57 (10:01:00 − 63 s): 3 s before the allocation.

        // An offset given that is not enough: the warning names the whole offset to give.
        Run partly = load(SACCT, logs, LoadOptions.of(LoadMode.STRICT).withClockOffsets(Map.of(early, 500_000L)));
        assertTrue(partly.problems().stream().anyMatch(p -> p.message().endsWith("--clock-offset " + early + "=3 "
                + "fixes it")), partly.problems().toString());
        // The offset named brings the log inside its job; the log's true 63 s gives the hand calculation back.
        Run inside = load(SACCT, logs, LoadOptions.of(LoadMode.STRICT).withClockOffsets(Map.of(early, 3_000_000L)));
        assertTrue(inside.problems().stream().noneMatch(p -> p.message().contains("--clock-offset")));
        Run fixed = load(SACCT, logs, LoadOptions.of(LoadMode.STRICT).withClockOffsets(Map.of(early, 63_000_000L)));
        assertTrue(fixed.problems().stream().noneMatch(p -> p.message().contains("--clock-offset")));
        GoodputReport r = report(fixed);
        assertEquals(160, r.productiveSeconds(), 1e-6);
        assertEquals(390, seconds(r, "node_failure"), 1e-6);
        assertEquals(180, seconds(r, "provisioning"), 1e-6);
    }

    /** A copy of a log with every time in it moved by {@code seconds}. */
    private static Path shifted(Path from, Path to, int seconds) throws Exception {
        Pattern time = Pattern.compile("2024-05-01([ T])(\\d\\d:\\d\\d:\\d\\d)|E501 (\\d\\d:\\d\\d:\\d\\d)");
        Matcher m = time.matcher(Files.readString(from));
        StringBuilder out = new StringBuilder();
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        while (m.find()) {
            String hm = m.group(2) != null ? m.group(2) : m.group(3);
            LocalDateTime t = LocalDateTime.parse("2024-05-01T" + hm).plusSeconds(seconds);
            String moved = m.group(2) != null ? "2024-05-01" + m.group(1) + hms.format(t) : "E501 " + hms.format(t);
            m.appendReplacement(out, moved);
        }
        m.appendTail(out);
        return Files.writeString(to, out.toString());
    }
}
