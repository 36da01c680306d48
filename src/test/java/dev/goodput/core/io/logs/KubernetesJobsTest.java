package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
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
import dev.goodput.core.model.Source;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.LinkedFault;
import dev.goodput.core.report.RestartCost;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kubernetes exports as a run's scheduler record, end to end through the loader (docs/derivation.md, "Scheduler
 * records"): the pods of one job are its attempts, their restarts new attempts, their events its faults.
 */
class KubernetesJobsTest {
    static final Path LOGS = Path.of("src/test/resources/logs");
    static final Path KUBE = LOGS.resolve("handmade/kubernetes");
    static final Path PODS_1230 = KUBE.resolve("kubectl_pods_llama-ft_1230.json");
    static final Path PODS_1315 = KUBE.resolve("kubectl_pods_llama-ft_1315.json");
    static final Path EVENTS_1230 = KUBE.resolve("kubectl_events_1230.json");
    static final Path EVENTS_1315 = KUBE.resolve("kubectl_events_1315.json");

    static long us(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    static Run load(Path... files) throws Exception {
        return new RunLoader(LoadMode.STRICT).load(List.of(files));
    }

    static GoodputReport report(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    static List<String> warnings(Run run) {
        return run.problems().stream().map(Problem::message).toList();
    }

    /**
     * The PyTorchJob llama-ft (handmade exports, NOTICE.md): 4 workers of 8 GPUs, created 12:00:00; workers 0, 1
     * and 3 scheduled 12:00:05–06, worker 2 at 12:02:11 (no GPUs free before); their containers started 12:03:20,
     * :25, :31 and 12:05:40 after pulling the image. Worker 0 was OOM-killed at 12:20:41 (the node's OOMKilling at
     * 12:20:40) and its container restarted at 12:21:02 (run {@code #1}); gpu-node-b went NotReady at 13:04:31
     * (worker 1 deleted by the taint manager at 13:09:31), worker 3 was evicted for memory at 13:07:15 (its
     * container ended 13:07:16), worker 2 preempted at 13:12:40 (ended 13:12:58). No trainer log.
     * <p>
     * Two attempts of 32 GPUs on gpu-node-a, b, d, c. The first, 12:00:05 → 12:20:41, ends when worker 0 does
     * (the job's pods train together); the restart of worker 0 starts the second at 12:21:02, which the three
     * others, still running, join; it ends at the first of their ends, worker 3's eviction at 13:07:16. Worker 1's
     * and 2's later ends end nothing more. By hand, in seconds of the window from the submission (12:00:00) to the
     * last attempt's end (13:07:16), 4036 s:
     * <ul>
     *   <li>queue 5: created 12:00:00 → first scheduled 12:00:05;</li>
     *   <li>provisioning 195: 12:00:05 → the first container start 12:03:20 (the image pull); the restart's
     *   container started with its run (its start), so none for the second attempt;</li>
     *   <li>host_oom 22: the OOMKilling at 12:20:40 is the root of the first failure (the pod's OOMKilled end at
     *   12:20:41 says the same and counts once): 12:20:40 → the end 12:20:41 (1) and the back-off until the restart
     *   12:21:02 (21);</li>
     *   <li>node_failure 165: gpu-node-b's NotReady at 13:04:31 is the root of the second failure (the earliest
     *   fault from 12:57:16, 10 minutes before it), worker 3's eviction at 13:07:15 its cascade: 13:04:31 →
     *   13:07:16;</li>
     *   <li>program_startup 3649: the rest of the attempts, 12:03:20 → 12:20:40 (1040) and 12:21:02 → 13:04:31
     *   (2609): with no trainer log nothing says the job trained (no step).</li>
     * </ul>
     * 5 + 195 + 22 + 165 + 3649 = 4036. Infra badput 387, so infra goodput 3649 ÷ 4036; framework 0 (no step).
     */
    @Test
    void aPyTorchJobsPodsAreItsAttemptsAndTheirEventsItsFaults() throws Exception {
        Run run = load(PODS_1230, PODS_1315, EVENTS_1230, EVENTS_1315);
        List<JobAttempt> a = run.attempts();
        assertEquals(2, a.size());
        assertEquals(us("2024-05-01T12:00:05Z"), a.get(0).startUs());
        assertEquals(us("2024-05-01T12:20:41Z"), a.get(0).endUs());
        assertEquals(EndReason.FAULT, a.get(0).endReason());
        assertEquals(32, a.get(0).allocated());
        assertEquals(List.of("gpu-node-a", "gpu-node-b", "gpu-node-d", "gpu-node-c"), a.get(0).nodes());
        assertEquals("pods of llama-ft (llama-ft-worker-0, llama-ft-worker-1, llama-ft-worker-3, llama-ft-worker-2) "
                + "at kubectl_pods_llama-ft_1315.json:93, OUT_OF_MEMORY OOMKilled; no trainer log, its container "
                + "started at 2024-05-01T12:03:20Z", a.get(0).why());
        assertEquals(us("2024-05-01T12:21:02Z"), a.get(1).startUs());
        assertEquals(us("2024-05-01T13:07:16Z"), a.get(1).endUs());
        assertEquals(EndReason.FAULT, a.get(1).endReason());
        assertEquals(32, a.get(1).allocated());
        assertTrue(a.get(1).why().startsWith("pods of llama-ft (llama-ft-worker-0#1, llama-ft-worker-1, "
                + "llama-ft-worker-3, llama-ft-worker-2) at kubectl_pods_llama-ft_1315.json:106, NODE_FAIL Evicted: "
                + "The node was low on resource: memory."), a.get(1).why());
        assertEquals(32, run.metadata().acceleratorCount());

        assertEquals(List.of(new Downtime(DowntimeKind.QUEUE, us("2024-05-01T12:00:00Z"), us("2024-05-01T12:00:05Z"),
                "queue", new Source(PODS_1315.toString(), 93))), run.downtimes());
        List<Phase> provisioning = run.phases().stream().filter(p -> p.kind() == PhaseKind.PROVISIONING).toList();
        assertEquals(1, provisioning.size());
        assertEquals(us("2024-05-01T12:00:05Z"), provisioning.get(0).startUs());
        assertEquals(us("2024-05-01T12:03:20Z"), provisioning.get(0).endUs());

        // Each fact once: the node's OOMKilling (not the pod's OOMKilled end), the node's NotReady (not its pod's
        // "Node is not ready" of the same second, nor worker 1's deletion), worker 3's eviction (not its end).
        assertEquals(List.of(
                "2024-05-01T12:20:40Z host_oom k8s_oom_killed gpu-node-a " + EVENTS_1315 + ":4",
                "2024-05-01T13:04:31Z node_failure k8s_node_not_ready gpu-node-b " + EVENTS_1315 + ":34",
                "2024-05-01T13:07:15Z node_failure k8s_evicted gpu-node-d " + EVENTS_1315 + ":361"),
                run.faults().stream().map(f -> Instant.ofEpochSecond(0, f.timeUs() * 1000) + " " + f.cause() + " "
                        + f.rule() + " " + f.node() + " " + f.source()).toList());
        // The preemption event is the pod's state's, no job log of its own: no attempt begins at its line.
        assertTrue(a.stream().noneMatch(x -> x.why().contains("first line of")));

        GoodputReport r = report(run);
        assertEquals(us("2024-05-01T12:00:00Z"), r.windowStartUs());
        assertEquals(4036, r.windowSeconds(), 1e-9);
        assertEquals(5, seconds(r, "queue"), 1e-9);
        assertEquals(195, seconds(r, "provisioning"), 1e-9);
        assertEquals(22, seconds(r, "host_oom"), 1e-9);
        assertEquals(165, seconds(r, "node_failure"), 1e-9);
        assertEquals(3649, seconds(r, "program_startup"), 1e-9);
        assertEquals(0, seconds(r, "unattributed_downtime"), 1e-9);
        assertEquals(0, r.productiveSeconds(), 1e-9);
        assertEquals(3649.0 / 4036, r.goodput().infra(), 1e-12);
        assertEquals(0, r.goodput().framework(), 1e-12);
        assertEquals(2, r.disruptions());

        RestartCost oom = r.restarts().get(0);
        assertEquals("host_oom", oom.rootCause());
        assertEquals("k8s_oom_killed", oom.rule());
        assertEquals(EVENTS_1315 + ":4", oom.source()); // the later export's view of the event
        assertEquals(List.of(), oom.cascades());
        assertEquals(1, oom.detectionSeconds(), 1e-9);
        assertEquals(21, oom.queueSeconds(), 1e-9); // the restart's back-off
        RestartCost node = r.restarts().get(1);
        assertEquals("node_failure", node.rootCause());
        assertEquals("k8s_node_not_ready", node.rule());
        assertEquals(List.of(new LinkedFault("node_failure", us("2024-05-01T13:07:15Z"), EVENTS_1315 + ":361")),
                node.cascades());
        assertEquals(165, node.detectionSeconds(), 1e-9);
        assertNull(node.queueSeconds());
    }

    /**
     * The same PyTorchJob with worker 0's logs (Megatron iteration lines written for this test, 10 iterations of
     * 2 s a report, world size 32): its first container run logged reports from 12:04:00 to 12:20:00 every 20 s
     * (iterations 10 … 490, so steps 1–490 from 12:03:40), its restart from 12:22:00 to 13:04:20 (iterations
     * 410 … 1680: it resumed from the checkpoint at 400, steps 401–1680 from 12:21:40) and then hung. The trainer's
     * first line, not the container's start, now ends provisioning. By hand, over the same 4036 s window:
     * <ul>
     *   <li>queue 5 (12:00:00 → 12:00:05);</li>
     *   <li>provisioning 253: 12:00:05 → 12:03:40 (215) and the restart's 12:21:02 → 12:21:40 (38);</li>
     *   <li>productive 3360: steps 1–400 (800) and 401–1680 (2560) once each;</li>
     *   <li>wasted_progress 180: steps 401–490 of the first run, redone after the restart;</li>
     *   <li>host_oom 62: the last step's end 12:20:00 → the run's end 12:20:41 (the OOMKilling at 12:20:40 is the
     *   root) and the back-off to 12:21:02;</li>
     *   <li>node_failure 176: the last step's end 13:04:20 → the attempt's end 13:07:16 (gpu-node-b's NotReady at
     *   13:04:31 is the root).</li>
     * </ul>
     * 5 + 253 + 3360 + 180 + 62 + 176 = 4036. Infra badput 496: infra goodput 3540 ÷ 4036, framework 3360 ÷ 3540.
     */
    @Test
    void thePodsWithTheirTrainersLogs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder run0 = new StringBuilder(JobMatcherTest.header(32));
        for (int k = 0; k <= 48; k++) {
            run0.append(JobMatcherTest.iteration(clock(12 * 3600 + 4 * 60 + 20 * k), 10 + 10 * k));
        }
        StringBuilder run1 = new StringBuilder(JobMatcherTest.header(32));
        for (int k = 0; k <= 127; k++) {
            run1.append(JobMatcherTest.iteration(clock(12 * 3600 + 22 * 60 + 20 * k), 410 + 10 * k));
        }
        Path log0 = java.nio.file.Files.writeString(dir.resolve("llama-ft-worker-0.log"), run0);
        Path log1 = java.nio.file.Files.writeString(dir.resolve("llama-ft-worker-0-restart.log"), run1);
        Run run = load(PODS_1230, PODS_1315, EVENTS_1230, EVENTS_1315, log0, log1);
        List<JobAttempt> a = run.attempts();
        assertEquals(2, a.size());
        assertEquals(List.of(us("2024-05-01T12:00:05Z"), us("2024-05-01T12:21:02Z")),
                a.stream().map(JobAttempt::startUs).toList());
        assertEquals(List.of(us("2024-05-01T12:20:41Z"), us("2024-05-01T13:07:16Z")),
                a.stream().map(JobAttempt::endUs).toList());
        assertTrue(a.get(0).why().contains("; first line of llama-ft-worker-0.log"), a.get(0).why());
        assertEquals(List.of(us("2024-05-01T12:03:40Z"), us("2024-05-01T12:21:40Z")), run.phases().stream()
                .filter(p -> p.kind() == PhaseKind.PROVISIONING).map(Phase::endUs).toList());
        assertEquals(3, run.faults().size()); // the events' three; the pods' ends say the same

        GoodputReport r = report(run);
        assertEquals(4036, r.windowSeconds(), 1e-9);
        assertEquals(5, seconds(r, "queue"), 1e-9);
        assertEquals(253, seconds(r, "provisioning"), 1e-9);
        assertEquals(3360, r.productiveSeconds(), 1e-9);
        assertEquals(180, seconds(r, "wasted_progress"), 1e-9);
        assertEquals(62, seconds(r, "host_oom"), 1e-9);
        assertEquals(176, seconds(r, "node_failure"), 1e-9);
        assertEquals(0, seconds(r, "program_startup"), 1e-9);
        assertEquals(0, seconds(r, "unattributed_downtime"), 1e-9);
        assertEquals(3540.0 / 4036, r.goodput().infra(), 1e-12);
        assertEquals(3360.0 / 3540, r.goodput().framework(), 1e-12);
        assertEquals(List.of("host_oom", "node_failure"), r.restarts().stream().map(RestartCost::rootCause).toList());
        assertTrue(warnings(run).stream().noneMatch(w -> w.contains("--clock-offset")), warnings(run).toString());
    }

    /** "12:04:20" of seconds since midnight. */
    private static String clock(int s) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Whatever order the exports come in, the same run (the later export's view of each object). */
    @Test
    void theExportsInAnotherOrderGiveTheSameFigures() throws Exception {
        GoodputReport given = report(load(PODS_1230, PODS_1315, EVENTS_1230, EVENTS_1315));
        Run reordered = load(EVENTS_1315, PODS_1315, EVENTS_1230, PODS_1230);
        GoodputReport r = report(reordered);
        assertEquals(given.windowStartUs(), r.windowStartUs());
        assertEquals(given.windowEndUs(), r.windowEndUs());
        assertEquals(given.goodput(), r.goodput());
        for (CauseShare c : given.badput()) {
            assertEquals(c.seconds(), seconds(r, c.cause()), 1e-9, c.cause());
        }
        assertEquals(3, reordered.faults().size());
    }

    /**
     * The events alone (no pod export): nothing says when the pods ran, so no attempt; the faults are kept, and a
     * warning says what to open. The preemption event is no job's log: it makes no attempt either.
     */
    @Test
    void eventsWithoutTheirPodsMakeNoAttempt() throws Exception {
        Run run = load(EVENTS_1230, EVENTS_1315);
        assertEquals(List.of(), run.attempts());
        assertEquals(List.of("host_oom", "node_failure", "node_failure"),
                run.faults().stream().map(FaultEvent::cause).toList());
        assertTrue(warnings(run).stream().anyMatch(w -> w.startsWith("Kubernetes events without their pods say "
                + "nothing of when the job ran")), warnings(run).toString());
    }

    /**
     * A real Job's pod OOM-killed on minikube (replicatedhq/troubleshoot's test data, NOTICE.md) with its events:
     * created and scheduled 04:43:19, its image pulled in 5.6 s, its container started at 04:43:25 and killed the
     * same second (exit 137). One attempt of 6 s, all of it provisioning (scheduled → the container's start); its
     * end is a fault, the pod's OOMKilled classified by the rule set (no node event reported it), the root of the
     * one disruption. No queue: created and scheduled in the same second.
     */
    @Test
    void aRealOomKilledPod() throws Exception {
        Path pods = LOGS.resolve("troubleshoot__kubectl_pods_oomkill_job.json");
        Run run = load(pods, LOGS.resolve("troubleshoot__kubectl_events_oomkill_job_gpu_pending.json"));
        assertEquals(1, run.attempts().size());
        JobAttempt a = run.attempts().get(0);
        assertEquals(us("2023-07-11T04:43:19Z"), a.startUs());
        assertEquals(us("2023-07-11T04:43:25Z"), a.endUs());
        assertEquals(EndReason.FAULT, a.endReason());
        assertEquals(List.of(), run.downtimes());
        assertEquals(1, run.faults().size());
        FaultEvent f = run.faults().get(0);
        assertEquals("kubernetes: pod oom-kill-job3-gbb89 OOMKilled, exit 137, on minikube", f.message());
        assertEquals("host_oom", f.cause());
        assertEquals("k8s_oom_killed", f.rule());
        assertEquals("minikube", f.node());
        assertEquals(pods + ":275", f.source().toString());

        GoodputReport r = report(run);
        assertEquals(6, r.windowSeconds(), 1e-9);
        assertEquals(6, seconds(r, "provisioning"), 1e-9);
        assertEquals(1, r.disruptions());
        assertEquals("host_oom", r.restarts().get(0).rootCause());
        assertEquals("k8s_oom_killed", r.restarts().get(0).rule());
    }

    /**
     * A real crash-looping pod (its command "wge" not found), restarted 4 times: Kubernetes kept only run 3 (started
     * and failed at 03:33:15) and the waiting run 4, so its first runs, and its creation → scheduling queue wait,
     * are gone — said in a warning. The run that is left is an attempt of no time that failed; no rule knows
     * "ContainerCannotRun", so its fault is unattributed.
     */
    @Test
    void aRealCrashLoopingPodWhoseFirstRunsAreGone() throws Exception {
        Path pods = LOGS.resolve("troubleshoot__kubectl_pods_crashloop_backoff.json");
        Run run = load(pods, LOGS.resolve("troubleshoot__kubectl_events_crashloop_backoff.json"));
        assertEquals(1, run.attempts().size());
        JobAttempt a = run.attempts().get(0);
        assertEquals(us("2023-07-11T03:33:15Z"), a.startUs());
        assertEquals(a.startUs(), a.endUs());
        assertEquals(EndReason.FAULT, a.endReason());
        assertEquals(List.of(), run.downtimes());
        FaultEvent f = run.faults().get(0);
        assertEquals("unattributed_downtime", f.cause());
        assertNull(f.rule());
        assertTrue(f.message().startsWith("kubernetes: pod init-demo#3 ContainerCannotRun: failed to create shim "
                + "task"), f.message());
        assertTrue(f.message().endsWith(", exit 127, on minikube"), f.message());
        assertTrue(warnings(run).contains("pod init-demo's runs before init-demo#3 are gone (Kubernetes keeps a "
                + "container's last two runs): its first 3 runs, its queue wait and restarts before them are not "
                + "counted"), warnings(run).toString());
    }

    /**
     * A real pod pending for 5 GPUs the cluster does not have: it never started, so no attempt and no time at all
     * to measure. Refused (issue 14: never a zero window at 1970 with exit 0), saying why: the job did not start.
     */
    @Test
    void aRealPendingPodMakesNoAttemptAndNothingToMeasure() {
        InputException e = assertThrows(InputException.class,
                () -> load(LOGS.resolve("troubleshoot__kubectl_pods_pending_gpu.json"),
                        LOGS.resolve("troubleshoot__kubectl_events_oomkill_job_gpu_pending.json")));
        assertTrue(e.getMessage().contains("found none, so there is no time to measure ("), e.getMessage());
        assertTrue(e.getMessage().contains("the scheduler's job did not start"), e.getMessage());
    }
}
