package dev.goodput.core.derive;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.report.CauseReliability;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.RestartCost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.derive.ReportLookup.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roots and cascades (docs/derivation.md): which fault around a failure gets its downtime, and what each restart
 * cost. Fault messages are real log lines (src/test/resources/logs, NOTICE.md), since the derivation reads an NCCL
 * watchdog's timeout from its words; the times are chosen, and every figure is computed by hand in the comments.
 */
class RootsAndCascadesTest {
    private static final double EPS = 1e-9;
    /** Xid 119, GSP RPC timeout, from a real dmesg (gpud). */
    private static final String XID_119 = line("gpud__dmesg_xid119_gsp_timeout_xe9680.log", "NVRM: Xid");
    /** Xid 13, Graphics SM exception (gpud). */
    private static final String XID_13 = line("gpud__dmesg_xid13_xid43_excerpt.log", "NVRM: Xid");
    /** torchtitan's NCCL watchdog, Timeout(ms)=300000 (5 min). */
    private static final String WATCHDOG_5_MIN = line(
            "torchtitan__qwen3_14b_8xb200__run285_nccl_watchdog_timeout_failed.log", "Watchdog caught");
    /** A Ray worker's NCCL watchdog, Timeout(ms)=1800000 (PyTorch's default 30 min). */
    private static final String WATCHDOG_30_MIN = line("nccl_watchdog_timeout_1800000__vllm_issue2770_excerpt.log",
            "Watchdog caught");
    /** torchtitan: "CUDA error: an illegal memory access was encountered" in the watchdog thread. */
    private static final String ILLEGAL_ACCESS = line(
            "torchtitan__qwen3_14b_8xb200__run105_illegal_memory_access_failed.log", "illegal memory access");

    @Test
    void anXidEightMinutesBeforeTheFailureIsTheRootOfTheWatchdogsThatFollow() {
        // Steps of 60 s from 30 s (startup 0..30); steps 0..50 complete (step 50 ends 3090), step 51 starts at 3090
        // and never ends. The Xid at 3120 hangs the GPU; the watchdogs of ranks 0-2 fire 300.051 s later (3420.051);
        // the job ends at 3600. Window [3000, 3900], widened by the watchdogs to 3420.051 - 300 - 60 = 3060.051
        // (not earlier than 3000): root = the Xid, 8 min before the failure; the three watchdogs are its cascades.
        // Detection = max(Xid 3120, in-flight step 51's start 3090) = 3120: step 51 ran 30 s (wasted), the Xid's
        // cause takes 3120..3600 (480 s) and the gap to the next start at 3900 (300 s) = 780 s.
        // The next attempt restores (3900..3960) the checkpoint of step 49 and runs steps 50..59 to 4560.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 50, 30, 60);
        f.stepStart(51, 3090);
        f.fault(3120, "gpu_system_processor", XID_119);
        int xidLine = f.nextLine() - 1;
        for (int rank = 0; rank < 3; rank++) {
            f.fault(3420.051, "nccl_watchdog_timeouts", WATCHDOG_5_MIN);
        }
        f.end(3600, EndReason.FAULT);
        f.start(3900);
        f.phase(PhaseKind.CHECKPOINT_RESTORE, 3900, 3960);
        f.steps(50, 59, 3960, 60);
        f.end(4560, EndReason.COMPLETED);
        Derivation d = f.derive();
        GoodputReport r = d.report();

        ResolvedAttempt failed = d.attempts().get(0);
        assertEquals("gpu_system_processor", failed.root().cause());
        assertEquals(3, failed.cascades().size());
        assertTrue(failed.cascades().stream().allMatch(c -> c.cause().equals("nccl_watchdog_timeouts")));
        assertEquals(RunFixture.us(3120), failed.detectionUs());
        assertEquals(780.0, seconds(r, "gpu_system_processor"), EPS);
        assertEquals(0.0, seconds(r, "nccl_watchdog_timeouts"), EPS); // cascades cost nothing of their own
        assertEquals(90.0, seconds(r, "wasted_progress"), EPS); // step 50's first run (60 s) + step 51 (30 s)
        assertEquals(60.0, seconds(r, "checkpoint_restore"), EPS);
        assertEquals(30.0, seconds(r, "program_startup"), EPS);
        assertEquals(3600.0, r.productiveSeconds(), EPS); // steps 0..49 + 50..59
        assertEquals(4560.0, r.windowSeconds(), EPS);

        assertEquals(1, r.disruptions());
        CauseReliability gsp = r.reliability().causes().get(0);
        assertEquals("gpu_system_processor", gsp.cause());
        assertEquals(780.0, gsp.mttrSeconds(), EPS); // 3120 -> 3900, all of it the Xid's

        RestartCost c = only(r.restarts());
        assertEquals(RunFixture.us(3120), c.timeUs());
        assertEquals("gpu_system_processor", c.rootCause());
        assertEquals(3, c.cascades().size());
        assertEquals(RunFixture.us(3420.051), c.cascades().get(0).timeUs());
        assertEquals("fixture.jsonl:" + xidLine, c.source());
        assertNull(c.rule());
        assertEquals(480.0, c.detectionSeconds(), EPS); // end of step 51's execution (3120) -> 3600
        assertEquals(300.0, c.queueSeconds(), EPS);
        assertEquals(0.0, c.initSeconds(), EPS);
        assertEquals(60.0, c.restoreSeconds(), EPS);
        assertEquals(90.0, c.rollbackSeconds(), EPS);
        assertEquals(930.0, c.totalSeconds(), EPS);
        assertEquals("fault", c.endReason());
        assertTrue(!c.planned());
    }

    /**
     * A job on node01 and node02: steps 0..49 of 60 s from 30 s (the last ends at 3030), step 50 in flight from
     * 3030; an NCCL watchdog on node01 fires at 3540 (its 5-minute timeout reaches back to 3180); the job fails at
     * 3600 and the next starts at 3900. An Xid at 3420, 3 minutes before the failure, is in the linking window
     * [3000, 3900) and earlier than the watchdog:
     * <ul>
     *   <li>on node07, a node of another job, it is not this job's: the watchdog is the root (detection 3540), its
     *   cause takes 3540 → 3600 and the gap to 3900, 360 s; the Xid costs nothing and is no cascade;</li>
     *   <li>on node02, the job's own node, it is the root: 3420 → 3900, 480 s, the watchdog its cascade.</li>
     * </ul>
     */
    @Test
    void anXidOnAnotherJobsNodeIsNotTheRoot() {
        Derivation elsewhere = xidThreeMinutesBefore("node07");
        ResolvedAttempt failed = elsewhere.attempts().get(0);
        assertEquals("nccl_watchdog_timeouts", failed.root().cause());
        assertEquals(List.of(), failed.cascades());
        assertEquals(RunFixture.us(3540), failed.detectionUs());
        assertEquals(360.0, seconds(elsewhere.report(), "nccl_watchdog_timeouts"), EPS);
        assertEquals(0.0, seconds(elsewhere.report(), "gpu_system_processor"), EPS);

        Derivation own = xidThreeMinutesBefore("node02");
        failed = own.attempts().get(0);
        assertEquals("gpu_system_processor", failed.root().cause());
        assertEquals(List.of("nccl_watchdog_timeouts"), failed.cascades().stream().map(FaultEvent::cause).toList());
        assertEquals(480.0, seconds(own.report(), "gpu_system_processor"), EPS);
        assertEquals(0.0, seconds(own.report(), "nccl_watchdog_timeouts"), EPS);
    }

    private static Derivation xidThreeMinutesBefore(String xidNode) {
        RunFixture f = new RunFixture().accelerators(16);
        f.startOn(0, "node01", "node02");
        f.steps(0, 49, 30, 60);
        f.stepStart(50, 3030);
        f.faultOn(3420, "gpu_system_processor", XID_119, xidNode);
        f.faultOn(3540, "nccl_watchdog_timeouts", WATCHDOG_5_MIN, "node01");
        f.end(3600, EndReason.FAULT);
        f.startOn(3900, "node01", "node03");
        f.steps(49, 52, 3900, 60);
        f.end(4140, EndReason.COMPLETED);
        return f.derive();
    }

    /**
     * Which faults are a job's when it has a node list: a host named another way (its full name, another case) is
     * the same host; a fault that names no host, or only its GPU's PCI address (a driver line without a host name),
     * is judged by its time; a job without a node list takes every fault in its window. Job on node01, node02
     * failing at 3600 after steps 0..49 (to 3030); faults at 3300 (kernel OOM kill on NODE02.cluster.local) and at
     * 3200 (an Xid on PCI:0000:9b:00): the Xid, earlier, is the root, the OOM kill its cascade; an Xid on node07 at
     * 3100 is neither.
     */
    @Test
    void hostsAreComparedByTheirShortNamesAndAFaultWithNoHostByItsTime() {
        RunFixture f = new RunFixture().accelerators(16);
        f.startOn(0, "node01", "node02");
        f.steps(0, 49, 30, 60);
        f.faultOn(3100, "gpu_system_processor", XID_119, "node07");
        f.faultOn(3200, "gpu_system_processor", XID_13, "PCI:0000:9b:00");
        f.faultOn(3300, "host_oom", "Out of memory: Killed process 4242 (python)", "NODE02.cluster.local");
        f.end(3600, EndReason.FAULT);
        ResolvedAttempt failed = f.derive().attempts().get(0);
        assertEquals(RunFixture.us(3200), failed.root().timeUs());
        assertEquals(List.of("host_oom"), failed.cascades().stream().map(FaultEvent::cause).toList());

        RunFixture unknown = new RunFixture().accelerators(16); // the same without a node list
        unknown.start(0);
        unknown.steps(0, 49, 30, 60);
        unknown.faultOn(3100, "gpu_system_processor", XID_119, "node07");
        unknown.end(3600, EndReason.FAULT);
        assertEquals(RunFixture.us(3100), unknown.derive().attempts().get(0).root().timeUs());
    }

    /**
     * A fault whose record names no layer costs time in its cause's layer from the catalogue. Steps 0..9 of 60 s
     * from 0 (to 600); the fault at 700; the job ends at 800 and the next starts at 900 (steps 10, 11 to 1020).
     * The root takes the last step's end → the end (200 s, rank 11) and the gap (100 s): 300 s of a 1020 s window.
     * As {@code software_bug} (a program's own bug) those are framework seconds: infra goodput 1, framework
     * 720 ÷ 1020. Named infra by its record, or as a cause the catalogue does not know, they are infra: infra
     * 720 ÷ 1020, framework 1.
     */
    @Test
    void aFaultWithNoLayerCostsTimeInItsCausesLayer() {
        GoodputReport bug = faultAt700("software_bug", null);
        assertEquals(dev.goodput.core.model.Layer.FRAMEWORK, bug.badput().stream()
                .filter(c -> c.cause().equals("software_bug")).findFirst().orElseThrow().layer());
        assertEquals(300.0, seconds(bug, "software_bug"), EPS);
        assertEquals(1.0, bug.goodput().infra(), EPS);
        assertEquals(720.0 / 1020, bug.goodput().framework(), EPS);

        GoodputReport namedInfra = faultAt700("software_bug", dev.goodput.core.model.Layer.INFRA);
        assertEquals(720.0 / 1020, namedInfra.goodput().infra(), EPS);
        assertEquals(1.0, namedInfra.goodput().framework(), EPS);
        GoodputReport unknown = faultAt700("cosmic_ray", null);
        assertEquals(720.0 / 1020, unknown.goodput().infra(), EPS);
    }

    private static GoodputReport faultAt700(String cause, dev.goodput.core.model.Layer layer) {
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 9, 0, 60);
        f.layeredFault(700, cause, layer);
        f.end(800, EndReason.FAULT);
        f.start(900);
        f.steps(10, 11, 900, 60);
        f.end(1020, EndReason.COMPLETED);
        return f.derive().report();
    }

    @Test
    void aRealWatchdogTimeoutIsTheRootOfTheTeardownThatFollows() throws Exception {
        // torchtitan run285: the NCCL watchdog (line 41, 06:31:05.050097) fires before step 1; torchrun then sends
        // SIGTERM and reports the failure, and the job's log ends at 06:32:08.379. The watchdog is the root, the
        // later faults of the teardown its cascades; with no step run, its detection is its own time: 63.328903 s.
        Path log = Path.of("src/test/resources/logs",
                "torchtitan__qwen3_14b_8xb200__run285_nccl_watchdog_timeout_failed.log");
        Derivation d = GoodputDeriver.derive(new dev.goodput.core.io.RunLoader(dev.goodput.core.io.LoadMode.STRICT)
                .load(List.of(log)), DerivationSettings.defaults());
        GoodputReport r = d.report();
        assertEquals(1, r.disruptions());
        ResolvedAttempt failed = d.attempts().get(d.attempts().size() - 1);
        assertEquals(41, failed.root().source().line());
        assertTrue(failed.cascades().size() >= 1, failed.cascades().toString());
        assertTrue(failed.cascades().stream().allMatch(c -> c.timeUs() >= failed.root().timeUs()));
        assertEquals(63.328903, seconds(r, failed.root().cause()), 1e-6);
        RestartCost c = only(r.restarts());
        assertEquals(63.328903, c.detectionSeconds(), 1e-6);
        assertNull(c.queueSeconds()); // no job after it
        assertEquals(failed.cascades().size(), c.cascades().size());
    }

    @Test
    void aThirtyMinuteWatchdogLinksTheRootThirtyOneMinutesBeforeIt() {
        // Steps of 60 s from 0; step 30 (1800..1860) completes although the Xid hits at 1830; step 31 starts at 1860
        // and hangs. The watchdog (Timeout(ms)=1800000) fires at 3690, 31 min after the Xid; the job ends at 3780.
        // Window [3180, 4080]; the job's progress ended at 1860 (step 31's start), so without the watchdog the Xid
        // at 1830 is outside it and the watchdog would be the root. The watchdog widens the window to
        // 3690 - 1800 - 60 = 1830: the Xid is linked (the bound is inclusive) and is the root.
        // Detection = max(1830, 1860) = 1860: 1860..3780 (1920 s) + the gap to 3780 + 300 (300 s) = 2220 s.
        Derivation d = hungAfterAnXidAt(1830);
        GoodputReport r = d.report();

        ResolvedAttempt failed = d.attempts().get(0);
        assertEquals("gpu_system_processor", failed.root().cause());
        assertEquals(List.of("nccl_watchdog_timeouts"),
                failed.cascades().stream().map(FaultEvent::cause).toList());
        assertEquals(2220.0, seconds(r, "gpu_system_processor"), EPS);
        assertEquals(0.0, seconds(r, "nccl_watchdog_timeouts"), EPS);
        assertEquals(60.0, seconds(r, "wasted_progress"), EPS); // step 30's first run; step 31 ran no time
        assertEquals(2400.0, r.productiveSeconds(), EPS);
        assertEquals(4740.0, r.productiveSeconds() + WorkedExamplesTest.totalLost(r), EPS);
        RestartCost c = only(r.restarts());
        assertEquals(1920.0, c.detectionSeconds(), EPS);
        assertEquals(300.0, c.queueSeconds(), EPS);
        assertEquals(60.0, c.restoreSeconds(), EPS);
        assertEquals(60.0, c.rollbackSeconds(), EPS);
        assertEquals(2220.0, r.reliability().mttrSeconds(), EPS);
    }

    @Test
    void aWatchdogDoesNotReachAFaultOneSecondBeyondItsTimeoutAndMargin() {
        // As above with the Xid at 1829: 3690 - 1800 - 60 = 1830 > 1829, and the job's progress went on after it
        // (until 1860): the watchdog is the root, detected at 3690; the Xid costs nothing.
        Derivation d = hungAfterAnXidAt(1829);
        assertEquals("nccl_watchdog_timeouts", d.attempts().get(0).root().cause());
        assertTrue(d.attempts().get(0).cascades().isEmpty());
        assertEquals(0.0, seconds(d.report(), "gpu_system_processor"), EPS);
        // Step 31 hung from 1860 until the watchdog (wasted, 1830 s), then 3690..4080 is the watchdog's (390 s).
        assertEquals(390.0, seconds(d.report(), "nccl_watchdog_timeouts"), EPS);
        assertEquals(60.0 + 1830.0, seconds(d.report(), "wasted_progress"), EPS);
    }

    @Test
    void aFaultTwentyMinutesBeforeTheFailureThatTheJobSurvivedIsNotLinked() {
        // Steps of 60 s from 0 to step 49 (ends 3000); step 50 starts at 3000 and dies: an illegal memory access at
        // 3010, the job ends at 3030. An Xid 13 at 1830, 20 min before the failure, was survived: 19 more minutes of
        // steps followed. Window [2430, 3330]: root = the illegal access, no cascade; the Xid is in no window and
        // costs nothing. Detection 3010: step 50 ran 10 s (wasted); 3010..3030 (20 s) + 3030..3330 (300 s) = 320 s.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 49, 0, 60);
        f.stepStart(50, 3000);
        f.fault(1830, "faulty_gpu", XID_13);
        f.fault(3010, "software_bug", ILLEGAL_ACCESS);
        f.end(3030, EndReason.FAULT);
        f.start(3330);
        f.steps(50, 54, 3330, 60);
        f.end(3630, EndReason.COMPLETED);
        Derivation d = f.derive();
        GoodputReport r = d.report();
        assertEquals("software_bug", d.attempts().get(0).root().cause());
        assertTrue(d.attempts().get(0).cascades().isEmpty());
        assertEquals(320.0, seconds(r, "software_bug"), EPS);
        assertEquals(0.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(10.0, seconds(r, "wasted_progress"), EPS);
        assertEquals(3300.0, r.productiveSeconds(), EPS);
        assertEquals(3630.0, r.windowSeconds(), EPS);
        RestartCost c = only(r.restarts());
        assertEquals(20.0, c.detectionSeconds(), EPS);
        assertEquals(300.0, c.queueSeconds(), EPS);
        assertEquals(10.0, c.rollbackSeconds(), EPS);
        assertTrue(c.cascades().isEmpty());
    }

    @Test
    void aFailureWithNoFaultInItsWindowHasNoRootAndItsDowntimeIsUnattributed() {
        // Steps 0..9 of 60 s (to 600); the job fails at 660 with nothing logged; the next starts at 960. The 60 s
        // after the last step and the 300 s gap are unattributed: 360 s, for the analyst.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 9, 0, 60);
        int endLine = f.nextLine();
        f.end(660, EndReason.FAULT);
        f.start(960);
        f.steps(10, 14, 960, 60);
        f.end(1260, EndReason.COMPLETED);
        Derivation d = f.derive();
        GoodputReport r = d.report();
        assertNull(d.attempts().get(0).root());
        assertEquals(360.0, seconds(r, "unattributed_downtime"), EPS);
        assertEquals(1, r.disruptions());
        assertEquals("unattributed_downtime", r.reliability().causes().get(0).cause());
        assertEquals(300.0, r.reliability().mttrSeconds(), EPS); // 660 -> 960
        RestartCost c = only(r.restarts());
        assertEquals("unattributed_downtime", c.rootCause());
        assertEquals("fixture.jsonl:" + endLine, c.source()); // the job_end that said it failed
        assertEquals(60.0, c.detectionSeconds(), EPS);
        assertEquals(300.0, c.queueSeconds(), EPS);
        assertEquals(RunFixture.us(660), c.timeUs());
    }

    @Test
    void anUnexplainedGapAfterACrashIsNotTheCrashsRepairTime() {
        // As BLOOM encodes its weekly GPU failures: the fault at 600 (after the last step), the job torn down at
        // 1200, then 5400 s that the log calls unattributed, and 300 s more until the next job at 6900.
        // Time from the fault to the restart is 6300 s, but the GPU failure's recovery is what is charged to it:
        // 600..1200 and 6600..6900 = 900 s. The unattributed 5400 s stay unattributed.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 9, 0, 60);
        f.fault(600, "faulty_gpu");
        f.end(1200, EndReason.FAULT);
        f.downtime(dev.goodput.core.model.DowntimeKind.OTHER, 1200, 6600, "unattributed_downtime");
        f.start(6900);
        f.steps(10, 14, 6900, 60);
        f.end(7200, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(900.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(5400.0, seconds(r, "unattributed_downtime"), EPS);
        assertEquals(900.0, r.reliability().causes().get(0).mttrSeconds(), EPS);
        assertEquals(900.0, r.reliability().mttrSeconds(), EPS);
        RestartCost c = only(r.restarts());
        assertEquals(600.0, c.detectionSeconds(), EPS);
        // Nor is the unexplained wait the restart's cost: of the 5700 s from the job's end to the next start, 300 s.
        assertEquals(300.0, c.queueSeconds(), EPS);
    }

    @Test
    void aTimeLimitFollowedByAnotherJobIsAPlannedRestartNotADisruption() {
        // The job hits its time limit at 620 (last step ended 600: 20 s shutdown), the next starts at 800 and
        // restores 800..830. The 180 s gap is the time limit's; no disruption, MTBF undefined.
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 9, 0, 60);
        f.end(620, EndReason.TIME_LIMIT);
        f.start(800);
        f.phase(PhaseKind.CHECKPOINT_RESTORE, 800, 830);
        f.steps(10, 14, 830, 60);
        f.end(1130, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(0, r.disruptions());
        assertNull(r.reliability().mtbfSeconds());
        assertEquals(180.0, seconds(r, "time_limit"), EPS);
        assertEquals(20.0, seconds(r, "shutdown"), EPS);
        RestartCost c = only(r.restarts());
        assertTrue(c.planned());
        assertEquals("time_limit", c.rootCause());
        assertEquals("time_limit", c.endReason());
        assertEquals(0.0, c.detectionSeconds(), EPS);
        assertEquals(180.0, c.queueSeconds(), EPS);
        assertEquals(30.0, c.restoreSeconds(), EPS);
        assertEquals(0.0, c.initSeconds(), EPS);
        assertEquals(1, r.costByCause().size());
        assertTrue(r.costByCause().get(0).planned());
    }

    @Test
    void hotSparesAreTheirOwnCauseAndTheRestOfTheUnusedAllocationIsIdle() {
        // 416 allocated, 384 training, 24 held as hot spares: 100 s x 24/416 hot spares, 100 s x 8/416 idle.
        RunFixture f = new RunFixture().accelerators(416);
        f.start(0, 416, 384, 24);
        f.steps(0, 9, 0, 10);
        f.end(100, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(100.0 * 24 / 416, seconds(r, "hot_spares"), EPS);
        assertEquals(100.0 * 8 / 416, seconds(r, "idle_accelerators"), EPS);
        assertEquals(384.0 / 416.0, r.goodput().infra(), EPS);
    }

    @Test
    void hotSparesAloneLeaveTheRestOfTheAllocationTraining() {
        // In use not given: allocated less the spares train (416 - 32 = 384); BLOOM's reserve nodes.
        RunFixture f = new RunFixture().accelerators(416);
        f.start(0, 416, 0, 32);
        f.steps(0, 9, 0, 10);
        f.end(100, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(100.0 * 32 / 416, seconds(r, "hot_spares"), EPS);
        assertEquals(0.0, seconds(r, "idle_accelerators"), EPS);
    }

    @Test
    void moreHotSparesThanTheUnusedAllocationAreCappedWithAWarning() {
        RunFixture f = new RunFixture().accelerators(16);
        f.start(0, 16, 12, 8);
        f.steps(0, 9, 0, 10);
        f.end(100, EndReason.COMPLETED);
        GoodputReport r = f.derive().report();
        assertEquals(100.0 * 4 / 16, seconds(r, "hot_spares"), EPS);
        assertTrue(r.warnings().stream().anyMatch(p -> p.message().contains("8 hot spares, more than the 4")),
                r.warnings().toString());
    }

    /**
     * Steps of 60 s from 0 to step 30 (ends 1860), step 31 hung from 1860; an Xid at {@code xidAt}; the 30-minute
     * watchdog at 3690; the job ends at 3780; the next restores 4080..4140 and runs steps 30..39 to 4740.
     */
    private static Derivation hungAfterAnXidAt(double xidAt) {
        RunFixture f = new RunFixture().accelerators(8);
        f.start(0);
        f.steps(0, 30, 0, 60);
        f.stepStart(31, 1860);
        f.fault(xidAt, "gpu_system_processor", XID_119);
        f.fault(3690, "nccl_watchdog_timeouts", WATCHDOG_30_MIN);
        f.end(3780, EndReason.FAULT);
        f.start(4080);
        f.phase(PhaseKind.CHECKPOINT_RESTORE, 4080, 4140);
        f.steps(30, 39, 4140, 60);
        f.end(4740, EndReason.COMPLETED);
        return f.derive();
    }

    private static RestartCost only(List<RestartCost> restarts) {
        assertEquals(1, restarts.size(), restarts.toString());
        return restarts.get(0);
    }

    /** The first line of a test log containing {@code text}. */
    private static String line(String file, String text) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/logs", file)).stream()
                    .filter(l -> l.contains(text)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
