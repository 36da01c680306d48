package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Times;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduler jobs as the run's attempts, case by case (docs/derivation.md, "Scheduler records"): sacct rows and Megatron
 * lines written by hand in their real forms (the real outputs are in SacctRecogniserTest and SlurmJobsByHandTest).
 */
class JobMatcherTest {
    private static final Path HANDMADE = Path.of("src/test/resources/logs/handmade");

    @TempDir
    Path dir;

    static String header(int worldSize) {
        return "------------------------ arguments ------------------------\n"
                + "  log_interval .................................... 10\n"
                + "  world_size ...................................... " + worldSize + "\n"
                + "-------------------- end of arguments ---------------------\n";
    }

    /** A Megatron iteration line: 10 iterations of 2 s ending at {@code time}. */
    static String iteration(String time, int n) {
        return String.format(" [2024-05-01 %s] iteration %8d/     100 | consumed samples: %12d | elapsed time per "
                + "iteration (ms): 2000.0 | global batch size:   128 | lm loss: 9.000000E+00 |%n", time, n, n * 128);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Run load(Path... files) throws Exception {
        return new RunLoader(LoadMode.STRICT).load(List.of(files));
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    private static List<String> warnings(Run run) {
        return run.problems().stream().map(Problem::message).toList();
    }

    /**
     * A job that failed to boot left no log: an attempt without steps, all of it provisioning, ended by a node
     * failure on its nodes; the wait until the next job is that failure's.
     */
    @Test
    void aJobWithNoTrainerActivityIsAnAttemptWithoutSteps() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|ExitCode|Submit|Start|End|NodeList|AllocTRES
                1999|BOOT_FAIL|0:0|2024-05-01T09:40:00|2024-05-01T09:45:00|2024-05-01T09:46:00|node[07-08]|gres/gpu=16
                2001|COMPLETED|0:0|2024-05-01T09:46:10|2024-05-01T10:00:00|2024-05-01T10:08:00|node[01-02]|gres/gpu=16
                """);
        Run run = load(sacct, HANDMADE.resolve("slurm-2001.out"));
        List<JobAttempt> a = run.attempts();
        assertEquals(2, a.size());
        assertEquals(utc("2024-05-01T09:45:00"), a.get(0).startUs());
        assertEquals(utc("2024-05-01T09:46:00"), a.get(0).endUs());
        assertEquals(EndReason.FAULT, a.get(0).endReason());
        assertTrue(a.get(0).why().endsWith("BOOT_FAIL; no trainer activity in it"), a.get(0).why());
        FaultEvent boot = run.faults().get(0);
        assertEquals("node_failure", boot.cause());
        assertEquals("node07,node08", boot.node());
        assertEquals("slurm: job 1999 BOOT_FAIL, exit 0:0 on node[07-08]", boot.message());
        assertEquals("slurm_node_failure", boot.rule()); // classified by the rule set, like every fault
        // Job 2001 COMPLETED: slurmstepd's node-failure banner in its log is a fault the job survived.
        assertEquals(EndReason.COMPLETED, a.get(1).endReason());
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
        assertEquals(utc("2024-05-01T09:40:00"), r.windowStartUs());
        assertEquals(300, seconds(r, "queue"), 1e-6); // 09:40 → 09:45, the first job's wait
        // 09:45 → 09:46 (the failed job) and 10:00 → 10:01 (2001 until its first line).
        assertEquals(120, seconds(r, "provisioning"), 1e-6);
        assertEquals(14 * 60, seconds(r, "node_failure"), 1e-6); // 09:46 → 10:00, waiting for the next job
    }

    /** A launcher restarting its workers inside the allocation: two attempts in one job. */
    @Test
    void restartsInsideAJobStaySeparateAttempts() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|Submit|Start|End
                3001|COMPLETED|2024-05-01T10:00:00|2024-05-01T10:00:00|2024-05-01T10:05:00
                """);
        Path log = write("slurm-3001.out", header(8) + iteration("10:01:20", 10) + iteration("10:01:40", 20)
                + "I0501 10:02:00.000000 100 torch/distributed/elastic/agent/server/api.py:680] [default] Worker "
                + "group FAILED. 2/3 attempts left; will restart worker group\n"
                + iteration("10:03:20", 10) + iteration("10:03:40", 20));
        Run run = load(sacct, log);
        List<JobAttempt> a = run.attempts();
        assertEquals(2, a.size(), a.toString());
        assertEquals(utc("2024-05-01T10:00:00"), a.get(0).startUs()); // the job's start
        assertEquals(utc("2024-05-01T10:02:00"), a.get(0).endUs()); // the restart
        assertEquals(EndReason.FAULT, a.get(0).endReason());
        assertEquals(utc("2024-05-01T10:02:00"), a.get(1).startUs());
        assertEquals(utc("2024-05-01T10:05:00"), a.get(1).endUs()); // the job's end
        assertEquals(EndReason.COMPLETED, a.get(1).endReason());
        assertTrue(a.get(1).why().contains("(inside scheduler job 3001)"), a.get(1).why());
    }

    @Test
    void plannedEndsSetTheEndReasonOnly() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|Start|End
                4001|TIMEOUT|2024-05-01T10:00:00|2024-05-01T10:10:00
                4001.batch|CANCELLED|2024-05-01T10:00:00|2024-05-01T10:10:00
                4002|PREEMPTED|2024-05-01T10:20:00|2024-05-01T10:30:00
                4003|CANCELLED by 1234|2024-05-01T10:40:00|2024-05-01T10:50:00
                4004|RUNNING|2024-05-01T11:00:00|Unknown
                """);
        Run run = load(sacct);
        List<JobAttempt> a = run.attempts();
        assertEquals(List.of(EndReason.TIME_LIMIT, EndReason.PREEMPTED, EndReason.CANCELLED, EndReason.UNKNOWN),
                a.stream().map(JobAttempt::endReason).toList());
        assertEquals(Times.UNKNOWN, a.get(3).endUs()); // still running: its end is unknown
        assertTrue(run.faults().isEmpty(), run.faults().toString());
        assertTrue(a.get(2).why().contains("CANCELLED by 1234"), a.get(2).why());
    }

    /** The job's state decides: COMPLETED though the log's launcher said it failed, FAILED though it finished. */
    @Test
    void theJobsStateDecidesAndItsStepsAddDetail() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|ExitCode|Start|End|NodeList
                5001|OUT_OF_MEMORY|0:125|2024-05-01T10:00:00|2024-05-01T10:05:00|gpu[1-2]
                5001.batch|FAILED|1:0|2024-05-01T10:00:00|2024-05-01T10:05:00|gpu1
                5001.extern|COMPLETED|0:0|2024-05-01T10:00:00|2024-05-01T10:05:00|gpu[1-2]
                5001.0|OUT_OF_MEMORY|0:125|2024-05-01T10:00:01|2024-05-01T10:05:00|gpu2
                """);
        Run run = load(sacct);
        FaultEvent f = run.faults().get(0);
        assertEquals("host_oom", f.cause());
        assertEquals("slurm: job 5001 OUT_OF_MEMORY, exit 0:125, step 5001.0 OUT_OF_MEMORY on gpu2", f.message());
        assertEquals("gpu1,gpu2", f.node());
        assertEquals("slurm_out_of_memory", f.rule());
    }

    /**
     * The scheduler's end faults go through the rule set: NODE_FAIL, BOOT_FAIL and OUT_OF_MEMORY carry their rule;
     * FAILED says only that the job failed: no rule, unattributed until a root in the logs explains it. A REQUEUED
     * job's message names no cause either.
     */
    @Test
    void schedulerEndFaultsCarryTheirRule() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|ExitCode|Start|End|NodeList
                8001|NODE_FAIL|0:0|2024-05-01T10:00:00|2024-05-01T10:05:00|gpu[1-2]
                8002|BOOT_FAIL|0:0|2024-05-01T10:10:00|2024-05-01T10:11:00|gpu3
                8003|OUT_OF_MEMORY|0:125|2024-05-01T10:20:00|2024-05-01T10:25:00|gpu4
                8004|FAILED|1:0|2024-05-01T10:30:00|2024-05-01T10:35:00|gpu5
                8005|REQUEUED|0:0|2024-05-01T10:40:00|2024-05-01T10:45:00|gpu6
                8006|COMPLETED|0:0|2024-05-01T10:50:00|2024-05-01T10:55:00|gpu6
                """);
        Run run = load(sacct);
        assertEquals(List.of(
                        "node_failure slurm_node_failure slurm: job 8001 NODE_FAIL, exit 0:0 on gpu[1-2]",
                        "node_failure slurm_node_failure slurm: job 8002 BOOT_FAIL, exit 0:0 on gpu3",
                        "host_oom slurm_out_of_memory slurm: job 8003 OUT_OF_MEMORY, exit 0:125 on gpu4",
                        "unattributed_downtime null slurm: job 8004 FAILED, exit 1:0 on gpu5",
                        "unattributed_downtime null slurm: job 8005 REQUEUED, exit 0:0 on gpu6"),
                run.faults().stream().map(f -> f.cause() + " " + f.rule() + " " + f.message()).toList());
    }

    /**
     * The kernel's OOM kill on the job's node (a node log, its line real: equinor/ert #7797) and sacct's
     * OUT_OF_MEMORY say the same: it counts once, the kernel's line being the fault (and the root). The same kill on
     * a node of no job of the run's is kept apart: it is not this job's.
     */
    @Test
    void aNodeLogsOomKillAndTheJobsOutOfMemoryAreOneFault() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|ExitCode|Start|End|NodeList
                5001|OUT_OF_MEMORY|0:125|2024-05-01T10:00:00|2024-05-01T10:05:00|gpu[1-2]
                """);
        String kill = " kernel: Out of memory: Killed process 1440763 (perl) total-vm:87033376kB, "
                + "anon-rss:60356340kB, file-rss:0kB, shmem-rss:0kB, UID:21417 pgtables:169956kB oom_score_adj:0\n";
        Path onJob = write("gpu2-kern.log", "2024-05-01T10:04:58+00:00 gpu2" + kill);
        Run run = load(sacct, onJob);
        assertEquals(List.of("host_oom host_oom_kill gpu2"),
                run.faults().stream().map(f -> f.cause() + " " + f.rule() + " " + f.node()).toList());

        Path elsewhere = write("gpu9-kern.log", "2024-05-01T10:04:58+00:00 gpu9" + kill);
        Run two = load(sacct, elsewhere);
        assertEquals(List.of("gpu9", "gpu1,gpu2"), two.faults().stream().map(FaultEvent::node).toList());
        // The job held gpu1 and gpu2: the kill on gpu9, 2 s before its end, is not the root of its failure.
        assertEquals(List.of("gpu1", "gpu2"), two.attempts().get(0).nodes());
        GoodputReport r = GoodputDeriver.derive(two, DerivationSettings.defaults()).report();
        assertEquals(sacct + ":2", r.restarts().get(0).source());
        assertEquals("slurm_out_of_memory", r.restarts().get(0).rule());
    }

    /** 16 GPUs allocated, 8 training: the run pays for 16, the attempt uses 8, the rest is idle. */
    @Test
    void allocatedGpusAndTheWorldSize() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|Start|End|AllocTRES
                6001|COMPLETED|2024-05-01T10:00:00|2024-05-01T10:02:00|billing=16,cpu=128,gres/gpu:h100=16,node=2
                """);
        Path log = write("slurm-6001.out", header(8) + iteration("10:01:20", 10) + iteration("10:01:40", 20));
        Run run = load(sacct, log);
        assertEquals(16, run.metadata().acceleratorCount());
        JobAttempt a = run.attempts().get(0);
        assertEquals(16, a.allocated());
        assertEquals(8, a.inUse());
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
        assertEquals(16, r.accelerators());
        // 10:00 → 10:02 on 16 GPUs, 8 of them idle throughout the attempt: half of 120 s.
        assertEquals(60, seconds(r, "idle_accelerators"), 1e-6);
    }

    @Test
    void aLogInNoJobAndALogPastItsJobAreWarnedAbout() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|Start|End
                7001|COMPLETED|2024-05-01T10:00:00|2024-05-01T10:01:00
                7002|COMPLETED|2024-05-01T12:00:00|2024-05-01T12:01:00
                """);
        Path past = write("slurm-7001.out", header(8) + iteration("10:01:20", 10) + iteration("10:02:40", 20));
        Path none = write("slurm-x.out", header(8) + iteration("11:00:20", 10) + iteration("11:00:40", 20));
        Run run = load(sacct, past, none);
        List<String> w = warnings(run);
        assertTrue(w.contains("slurm-7001.out ends 100 s after job 7001 ended (sacct.txt:2); if the clocks differ, "
                + "--clock-offset " + past + "=-100 fixes it"), w.toString());
        assertTrue(w.stream().anyMatch(m -> m.startsWith("slurm-x.out's activity from slurm-x.out:") && m.contains(
                "lies in no scheduler job; it is an attempt of its own")), w.toString());
        assertEquals(3, run.attempts().size());
        assertEquals(utc("2024-05-01T11:00:00"), run.attempts().get(1).startUs()); // the loose log's own times
    }

    @Test
    void sacctAloneMakesTheAttempts() throws Exception {
        Run run = load(HANDMADE.resolve("sacct_2001-2003.txt"));
        assertEquals(3, run.attempts().size());
        assertEquals(16, run.metadata().acceleratorCount());
        assertEquals(3, run.phases().stream().filter(p -> p.kind() == PhaseKind.PROVISIONING).count());
        assertEquals(List.of("node_failure", "unattributed_downtime"),
                run.faults().stream().map(FaultEvent::cause).toList());
        assertEquals("slurm: job 2001 NODE_FAIL, exit 0:0, step 2001.0 NODE_FAIL on node[01-02]",
                run.faults().get(0).message());
    }

    /** A job with no trainer activity that overlaps one with: not this run's; left out. */
    @Test
    void anOverlappingJobWithoutActivityIsLeftOut() throws Exception {
        Path sacct = write("sacct.txt", """
                JobID|State|Start|End
                2001|COMPLETED|2024-05-01T10:00:00|2024-05-01T10:08:00
                8001|FAILED|2024-05-01T10:05:00|2024-05-01T10:09:00
                """);
        Run run = load(sacct, HANDMADE.resolve("slurm-2001.out"));
        assertEquals(1, run.attempts().size());
        assertTrue(warnings(run).stream().anyMatch(m -> m.startsWith("scheduler job 8001 overlaps job 2001")),
                warnings(run).toString());
        assertTrue(run.faults().stream().noneMatch(f -> f.message().contains("8001")));
    }

    /** No job started (a header without Start, or every job pending): the trainer's own attempts, with a warning. */
    @Test
    void jobsThatNeverStartedMakeNoAttempt() throws Exception {
        Run run = load(Path.of("src/test/resources/logs/slurm_sacct_default__olcf_test_harness_issue254_excerpt.txt"),
                HANDMADE.resolve("slurm-2001.out"));
        assertEquals(1, run.attempts().size());
        assertEquals(utc("2024-05-01T10:01:00"), run.attempts().get(0).startUs());
        assertTrue(warnings(run).stream().anyMatch(m -> m.startsWith("the scheduler's job did not start")),
                warnings(run).toString());
        assertTrue(warnings(run).stream().anyMatch(m -> m.startsWith("job x was resized (RESIZING)")));
    }

    @Test
    void rowsBecomeJobsWithTheirSteps() throws Exception {
        FileEvents olcf = new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, LoadMode.STRICT).read(
                Path.of("src/test/resources/logs/slurm_sacct_default__olcf_test_harness_issue254_excerpt.txt"));
        List<Problem> problems = new ArrayList<>();
        List<SchedulerJobs.Job> jobs = SchedulerJobs.of(MegatronTestFiles.of(olcf, TrainerEvent.SchedulerJob.class),
                problems::add);
        // RESIZING ends nothing: the job goes on in its next row, which ends it in TIMEOUT.
        assertEquals(1, jobs.size());
        assertEquals(SchedulerState.TIMEOUT, jobs.get(0).state());
        assertEquals(List.of("batch", "extern", "0", "1"),
                jobs.get(0).steps().stream().map(TrainerEvent.SchedulerJob::stepId).toList());
        assertEquals(1, problems.size());

        FileEvents het = new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, LoadMode.STRICT).read(
                write("het.txt", """
                        JobID|State|Start|End|NodeList|AllocTRES
                        9001+0|COMPLETED|2024-05-01T10:00:00|2024-05-01T10:10:00|cpu01|cpu=64
                        9001+0.0|COMPLETED|2024-05-01T10:00:00|2024-05-01T10:10:00|cpu01|cpu=64
                        9001+1|FAILED|2024-05-01T10:00:00|2024-05-01T10:10:00|gpu[01-02]|gres/gpu=16
                        9001+1.0|FAILED|2024-05-01T10:00:00|2024-05-01T10:10:00|gpu[01-02]|gres/gpu=16
                        9002|RUNNING|2024-05-01T10:20:00|Unknown|gpu03|gres/gpu=8
                        9002|COMPLETED|2024-05-01T10:20:00|2024-05-01T10:30:00|gpu03|gres/gpu=8
                        9003.0|COMPLETED|2024-05-01T10:40:00|2024-05-01T10:50:00|gpu03|gres/gpu=8
                        """));
        problems.clear();
        jobs = SchedulerJobs.of(MegatronTestFiles.of(het, TrainerEvent.SchedulerJob.class), problems::add);
        assertEquals(2, jobs.size());
        SchedulerJobs.Job h = jobs.get(0);
        assertEquals("9001", h.id());
        assertEquals(SchedulerState.FAILED, h.state()); // a failing component says how the job ended
        assertEquals(List.of("cpu01", "gpu01", "gpu02"), h.nodes());
        assertEquals(16, h.accelerators());
        assertEquals(2, h.steps().size());
        SchedulerJobs.Job again = jobs.get(1); // two exports: the row taken when it had ended wins
        assertEquals(SchedulerState.COMPLETED, again.state());
        assertEquals(utc("2024-05-01T10:30:00"), again.endUs());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().startsWith("1 sacct step rows without their job's row ignored"));
        assertNull(h.name());
    }
}
