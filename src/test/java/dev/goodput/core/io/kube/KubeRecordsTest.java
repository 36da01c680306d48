package dev.goodput.core.io.kube;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.logs.FileEvents;
import dev.goodput.core.io.logs.SchedulerState;
import dev.goodput.core.io.logs.TrainerEvent;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kubectl's JSON of pods and events: real exports collected from a minikube cluster (replicatedhq/troubleshoot's test
 * data: an OOM-killed Job pod, a crash-looping pod, a pod pending for GPUs, and their events), and a GPU training
 * job's exports written by hand in kubectl's form (no public export of a training job's pods with restarts, evictions,
 * node failures and preemptions was found).
 */
class KubeRecordsTest {
    static final Path LOGS = Path.of("src/test/resources/logs");
    static final Path OOM_PODS = LOGS.resolve("troubleshoot__kubectl_pods_oomkill_job.json");
    static final Path OOM_EVENTS = LOGS.resolve("troubleshoot__kubectl_events_oomkill_job_gpu_pending.json");
    static final Path CRASH_PODS = LOGS.resolve("troubleshoot__kubectl_pods_crashloop_backoff.json");
    static final Path CRASH_EVENTS = LOGS.resolve("troubleshoot__kubectl_events_crashloop_backoff.json");
    static final Path GPU_PENDING_PODS = LOGS.resolve("troubleshoot__kubectl_pods_pending_gpu.json");
    static final Path HANDMADE = LOGS.resolve("handmade/kubernetes");
    static final Path PODS_1230 = HANDMADE.resolve("kubectl_pods_llama-ft_1230.json");
    static final Path PODS_1315 = HANDMADE.resolve("kubectl_pods_llama-ft_1315.json");
    static final Path EVENTS_1230 = HANDMADE.resolve("kubectl_events_1230.json");
    static final Path EVENTS_1315 = HANDMADE.resolve("kubectl_events_1315.json");
    static final Path WATCH = HANDMADE.resolve("kubectl_events_watch.json");

    @TempDir
    Path tmp;

    static FileEvents read(LoadMode mode, Path... files) throws Exception {
        KubeRecords k = new KubeRecords(mode);
        for (Path f : files) {
            k.read(f);
        }
        return k.fileEvents();
    }

    static FileEvents read(Path... files) throws Exception {
        return read(LoadMode.STRICT, files);
    }

    static <T extends TrainerEvent> List<T> of(FileEvents f, Class<T> type) {
        return f.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static long us(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    static List<String> markers(FileEvents f) {
        return of(f, TrainerEvent.Marker.class).stream().map(m -> Instant.ofEpochSecond(0, m.timeUs() * 1000) + " "
                + m.what()).toList();
    }

    /**
     * A Job's pod killed for memory: created and scheduled 04:43:19, its container started 04:43:25 and was
     * OOM-killed (exit 137) the same second; no accelerators asked for.
     */
    @Test
    void oomKilledJobPod() throws Exception {
        FileEvents f = read(OOM_PODS);
        assertEquals(Map.of(KubeRecords.PODS_FORMAT, 1L, KubeRecords.EVENTS_FORMAT, 0L), f.formats());
        List<TrainerEvent.SchedulerJob> jobs = of(f, TrainerEvent.SchedulerJob.class);
        assertEquals(1, jobs.size());
        TrainerEvent.SchedulerJob j = jobs.get(0);
        assertEquals("oom-kill-job3-gbb89", j.jobId());
        assertNull(j.stepId());
        assertEquals("oom-kill-job3", j.name());
        assertEquals(us("2023-07-11T04:43:19Z"), j.submitUs());
        assertEquals(us("2023-07-11T04:43:19Z"), j.startUs());
        assertEquals(j.startUs(), j.timeUs());
        assertEquals(us("2023-07-11T04:43:25Z"), j.endUs());
        assertEquals(SchedulerState.OUT_OF_MEMORY, j.state());
        assertEquals("OOMKilled", j.reason());
        assertEquals(List.of("minikube"), j.nodes());
        assertEquals("137", j.exitCode());
        assertEquals(0, j.accelerators());
        assertEquals(OOM_PODS + ":275", j.source().toString()); // the "terminated": { line
        assertEquals(List.of("2023-07-11T04:43:25Z container started: message-oomkill-pod/oom-kill-job3-gbb89 run 0"),
                markers(f));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
    }

    /**
     * With its events: the pod's five (scheduled at 04:43:19.191283, the image pulled 04:43:19–25, the container
     * created and started) are kept; the export's events about two other pods of the namespace are left out, named.
     */
    @Test
    void oomKilledJobPodWithItsEvents() throws Exception {
        FileEvents f = read(OOM_PODS, OOM_EVENTS);
        assertEquals(Map.of(KubeRecords.PODS_FORMAT, 1L, KubeRecords.EVENTS_FORMAT, 5L), f.formats());
        assertEquals(List.of(
                "2023-07-11T04:43:19Z pod message-image-pull-fail/oom-kill-job3-gbb89 Pulling: Pulling image "
                        + "\"us-central1-docker.pkg.dev/genuine-flight-317411/devel/memory-eater:1.0\"",
                "2023-07-11T04:43:19.191283Z pod message-image-pull-fail/oom-kill-job3-gbb89 Scheduled: Successfully "
                        + "assigned default/oom-kill-job3-gbb89 to minikube",
                "2023-07-11T04:43:25Z container started: message-oomkill-pod/oom-kill-job3-gbb89 run 0",
                "2023-07-11T04:43:25Z pod message-image-pull-fail/oom-kill-job3-gbb89 Pulled: Successfully pulled image "
                        + "\"us-central1-docker.pkg.dev/genuine-flight-317411/devel/memory-eater:1.0\" in 5.638046961s",
                "2023-07-11T04:43:25Z pod message-image-pull-fail/oom-kill-job3-gbb89 Created: Created container "
                        + "memory-eater",
                "2023-07-11T04:43:25Z pod message-image-pull-fail/oom-kill-job3-gbb89 Started: Started container "
                        + "memory-eater"), markers(f));
        assertEquals(1, f.problems().size());
        Problem p = f.problems().get(0);
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertEquals("events about 2 pods or nodes not among the exported pods' left out: "
                + "message-image-pull-fail/no-image-deployment-849c4c4958-rxqmt, "
                + "message-image-pull-fail/pending-pod-resources-5fddcf7688-djjfc", p.message());
    }

    /**
     * A pod whose container cannot start (its command is "wge"), restarted 4 times: Kubernetes keeps only the run
     * before the current one, run 3 (ContainerCannotRun, exit 127, started and ended 03:33:15); the current is
     * waiting in CrashLoopBackOff and has no run yet. Its events (exported under another namespace by the test data's
     * collector, but the same pod uid) are matched by uid: the back-off seen 111 times from 03:32:15 to 03:56:47 is
     * kept at both ends, the scheduling at its microsecond eventTime.
     */
    @Test
    void crashLoopingPodAndItsEvents() throws Exception {
        FileEvents f = read(CRASH_PODS, CRASH_EVENTS);
        List<TrainerEvent.SchedulerJob> jobs = of(f, TrainerEvent.SchedulerJob.class);
        assertEquals(1, jobs.size());
        TrainerEvent.SchedulerJob j = jobs.get(0);
        assertEquals("init-demo#3", j.jobId());
        assertNull(j.name()); // a bare pod: no owner, no job label
        assertEquals(Times.UNKNOWN, j.submitUs());
        assertEquals(us("2023-07-11T03:33:15Z"), j.startUs());
        assertEquals(us("2023-07-11T03:33:15Z"), j.endUs());
        assertEquals(SchedulerState.FAILED, j.state());
        assertEquals("127", j.exitCode());
        assertEquals("ContainerCannotRun: failed to create shim task: OCI runtime create failed: runc create failed: "
                + "unable to start container process: exec: \"wge\": executable file not found in $PATH: unknown",
                j.reason());
        List<String> m = markers(f);
        assertTrue(m.contains("2023-07-11T03:31:41.548190Z pod message-pod-init-crashloop-backoff/init-demo Scheduled: "
                + "Successfully assigned default/init-demo to minikube"), m.toString());
        String backOff = " pod message-pod-init-crashloop-backoff/init-demo BackOff: Back-off restarting failed "
                + "container (111 times from 2023-07-11T03:32:15Z to 2023-07-11T03:56:47Z)";
        assertEquals(List.of("2023-07-11T03:32:15Z" + backOff, "2023-07-11T03:56:47Z" + backOff),
                m.stream().filter(s -> s.contains("BackOff")).toList());
        assertEquals(10, f.formats().get(KubeRecords.EVENTS_FORMAT));
        assertTrue(of(f, TrainerEvent.Fault.class).isEmpty()); // a container that fails to start is no host's fault
    }

    /** A pod asking for 5 GPUs on a cluster with none: pending since 04:20:29, never allocated. */
    @Test
    void podPendingForGpus() throws Exception {
        TrainerEvent.SchedulerJob j = of(read(GPU_PENDING_PODS), TrainerEvent.SchedulerJob.class).get(0);
        assertEquals("pending-pod-resources-5fddcf7688-djjfc", j.jobId());
        assertEquals("pending-pod-resources-5fddcf7688", j.name()); // its ReplicaSet
        assertEquals(SchedulerState.PENDING, j.state());
        assertEquals(us("2023-07-11T04:20:29Z"), j.submitUs());
        assertEquals(Times.UNKNOWN, j.startUs());
        assertEquals(Times.UNKNOWN, j.endUs());
        assertEquals(j.submitUs(), j.timeUs());
        assertEquals(5, j.accelerators());
        assertEquals(List.of(), j.nodes());
        assertEquals("Unschedulable: 0/1 nodes are available: 1 Insufficient nvidia.com/gpu. preemption: 0/1 nodes are "
                + "available: 1 No preemption victims found for incoming pod.", j.reason());
    }

    /**
     * Events alone keep every pod's: 13 of the export's 17 are about pods (the rest about a ReplicaSet, a
     * Deployment and a Job). The GPU pod's FailedScheduling, a series of 3 from 04:25:44.224298 to 04:40:44.264058,
     * is kept at both ends.
     */
    @Test
    void eventsAloneKeepEveryPod() throws Exception {
        FileEvents f = read(OOM_EVENTS);
        assertEquals(13, f.formats().get(KubeRecords.EVENTS_FORMAT));
        List<TrainerEvent.Marker> failed = of(f, TrainerEvent.Marker.class).stream()
                .filter(m -> m.what().contains("FailedScheduling: 0/1")).toList();
        assertEquals(List.of(us("2023-07-11T04:25:44.224298Z"), us("2023-07-11T04:40:44.264058Z")),
                failed.stream().map(TrainerEvent::timeUs).toList());
        assertTrue(failed.get(0).what().endsWith("(3 times from 2023-07-11T04:25:44.224Z to 2023-07-11T04:40:44.264Z)"),
                failed.get(0).what());
        assertEquals(OOM_EVENTS + ":807", failed.get(0).source().toString());
    }

    /**
     * A PyTorchJob "llama-ft" of 4 workers × 8 GPUs, exported at 12:30 and 13:15 (pods and events each time; the
     * event exports overlap from 12:20 to 12:30). Worker 0 was OOM-killed at 12:20:41 and restarted at 12:21:02;
     * worker 1's node went NotReady at 13:04:31 and the taint manager deleted it at 13:09:31; worker 3 was evicted
     * for memory at 13:07:15 (its container ended 13:07:16); worker 2 was preempted at 13:12:40 (its container
     * ended 13:12:58, exit 143).
     */
    @Test
    void trainingJobRunsFromTwoPodExports() throws Exception {
        FileEvents f = read(PODS_1230, PODS_1315, EVENTS_1230, EVENTS_1315);
        List<TrainerEvent.SchedulerJob> jobs = of(f, TrainerEvent.SchedulerJob.class);
        assertEquals(List.of("llama-ft-worker-0", "llama-ft-worker-1", "llama-ft-worker-3", "llama-ft-worker-2",
                "llama-ft-worker-0#1"), jobs.stream().map(TrainerEvent.SchedulerJob::jobId).toList());
        assertTrue(jobs.stream().allMatch(j -> j.accelerators() == 8 && "llama-ft".equals(j.name())));
        long created = us("2024-05-01T12:00:00Z");

        TrainerEvent.SchedulerJob w0 = jobs.get(0);
        assertEquals(created, w0.submitUs());
        assertEquals(us("2024-05-01T12:00:05Z"), w0.startUs());
        assertEquals(us("2024-05-01T12:20:41Z"), w0.endUs());
        assertEquals(SchedulerState.OUT_OF_MEMORY, w0.state());
        assertEquals("137", w0.exitCode());
        assertEquals(List.of("gpu-node-a"), w0.nodes());

        TrainerEvent.SchedulerJob w0r1 = jobs.get(4);
        assertEquals(Times.UNKNOWN, w0r1.submitUs());
        assertEquals(us("2024-05-01T12:21:02Z"), w0r1.startUs());
        assertEquals(Times.UNKNOWN, w0r1.endUs());
        assertEquals(SchedulerState.RUNNING, w0r1.state());

        TrainerEvent.SchedulerJob w1 = jobs.get(1);
        assertEquals(us("2024-05-01T13:09:31Z"), w1.endUs());
        assertEquals(SchedulerState.NODE_FAIL, w1.state());
        assertEquals("DeletionByTaintManager: Taint manager: deleting due to NoExecute taint", w1.reason());
        assertNull(w1.exitCode());

        TrainerEvent.SchedulerJob w3 = jobs.get(2);
        assertEquals(us("2024-05-01T13:07:16Z"), w3.endUs());
        assertEquals(SchedulerState.NODE_FAIL, w3.state());
        assertTrue(w3.reason().startsWith("Evicted: The node was low on resource: memory.") && w3.reason()
                .endsWith("; Error"), w3.reason());

        TrainerEvent.SchedulerJob w2 = jobs.get(3);
        assertEquals(us("2024-05-01T12:02:11Z"), w2.startUs());
        assertEquals(us("2024-05-01T13:12:58Z"), w2.endUs());
        assertEquals(SchedulerState.PREEMPTED, w2.state());
        assertEquals("143", w2.exitCode());
        assertEquals("PreemptionByScheduler: DefaultPreemption: preempting to accommodate a higher priority pod; "
                + "Error", w2.reason());

        List<String> started = markers(f).stream().filter(s -> s.contains("container started")).toList();
        assertEquals(List.of("2024-05-01T12:03:20Z container started: ml/llama-ft-worker-0 run 0",
                "2024-05-01T12:03:25Z container started: ml/llama-ft-worker-1 run 0",
                "2024-05-01T12:03:31Z container started: ml/llama-ft-worker-3 run 0",
                "2024-05-01T12:05:40Z container started: ml/llama-ft-worker-2 run 0",
                "2024-05-01T12:21:02Z container started: ml/llama-ft-worker-0 run 1"), started);
    }

    /**
     * The faults and the preemption the events say: the kernel's OOM kill on gpu-node-a, gpu-node-b NotReady (the
     * node's event, and the pod's, whose node comes from the pod export), worker 3's eviction on gpu-node-d, and
     * worker 2 preempted at its event's microsecond time.
     */
    @Test
    void trainingJobFaultsAndPreemption() throws Exception {
        FileEvents f = read(PODS_1230, PODS_1315, EVENTS_1230, EVENTS_1315);
        List<String> faults = of(f, TrainerEvent.Fault.class).stream().map(x -> Instant.ofEpochSecond(0,
                x.timeUs() * 1000) + " " + x.cause() + " " + x.node() + " " + x.rank() + " " + x.layer() + " "
                + x.message().substring(0, Math.min(40, x.message().length()))).toList();
        assertEquals(List.of(
                "2024-05-01T12:20:40Z host_oom gpu-node-a -1 null OOMKilling: Memory cgroup out of memory:",
                "2024-05-01T13:04:31Z node_failure gpu-node-b -1 null NodeNotReady: Node gpu-node-b status is ",
                "2024-05-01T13:04:31Z node_failure gpu-node-b -1 null NodeNotReady: Node is not ready",
                "2024-05-01T13:07:15Z node_failure gpu-node-d -1 null Evicted: The node was low on resource: m"),
                faults);
        List<TrainerEvent.End> ends = of(f, TrainerEvent.End.class);
        assertEquals(1, ends.size());
        assertEquals(EndReason.PREEMPTED, ends.get(0).reason());
        assertEquals(us("2024-05-01T13:12:40.093512Z"), ends.get(0).timeUs());
        assertEquals("pod ml/llama-ft-worker-2 Preempted: Preempted by pod 0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b on "
                + "node gpu-node-c", ends.get(0).message());
        assertEquals(EVENTS_1315 + ":257", ends.get(0).source().toString());
    }

    /**
     * The two event exports overlap: the 5 events of 12:20–12:21 in both count once, and the liveness-probe
     * failures seen twice (12:26–12:28) at 12:30 and six times (12:26–13:03) at 13:15 are the later view. 25 + 13
     * events less 6 seen twice = 32. Whatever order the exports are given in, the same events come out.
     */
    @Test
    void overlappingExportsCountEachEventOnce() throws Exception {
        FileEvents f = read(PODS_1230, PODS_1315, EVENTS_1230, EVENTS_1315);
        assertEquals(Map.of(KubeRecords.PODS_FORMAT, 4L, KubeRecords.EVENTS_FORMAT, 32L), f.formats());
        assertEquals(1, of(f, TrainerEvent.Fault.class).stream().filter(x -> x.cause().equals("host_oom")).count());
        List<String> probes = markers(f).stream().filter(s -> s.contains("Unhealthy")).map(s -> s.substring(0, 20))
                .toList();
        assertEquals(List.of("2024-05-01T12:26:00Z", "2024-05-01T13:03:00Z"), probes);
        assertEquals(1, markers(f).stream().filter(s -> s.contains("BackOff")).count());

        FileEvents reversed = read(EVENTS_1315, PODS_1315, EVENTS_1230, PODS_1230);
        assertEquals(summary(f), summary(reversed));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
    }

    private static List<String> summary(FileEvents f) {
        return f.events().stream().map(e -> e.timeUs() + " " + e.getClass().getSimpleName() + " "
                + (e instanceof TrainerEvent.SchedulerJob j ? j.jobId() + " " + j.state() + " " + j.endUs()
                : e instanceof TrainerEvent.Marker m ? m.what() : e instanceof TrainerEvent.Fault x ? x.message()
                : e.toString().replaceAll("source=[^,]*,", ""))).sorted().toList();
    }

    /** {@code kubectl get events --watch -o json}: Event objects one after another, each at its own line. */
    @Test
    void watchedEventsOneObjectAfterAnother() throws Exception {
        FileEvents f = read(WATCH);
        assertEquals(4, f.formats().get(KubeRecords.EVENTS_FORMAT));
        assertEquals(List.of(1L, 34L, 67L, 97L), f.events().stream().map(e -> e.source().line()).distinct().sorted()
                .toList());
    }

    /** The later export's view of a run wins over the earlier one's, whatever order they come in. */
    @Test
    void endedRunWinsOverRunningOne() throws Exception {
        for (Path[] order : new Path[][]{{PODS_1230, PODS_1315}, {PODS_1315, PODS_1230}}) {
            TrainerEvent.SchedulerJob w1 = of(read(order), TrainerEvent.SchedulerJob.class).stream()
                    .filter(j -> j.jobId().equals("llama-ft-worker-1")).findFirst().orElseThrow();
            assertEquals(SchedulerState.NODE_FAIL, w1.state());
        }
        TrainerEvent.SchedulerJob early = of(read(PODS_1230), TrainerEvent.SchedulerJob.class).stream()
                .filter(j -> j.jobId().equals("llama-ft-worker-1")).findFirst().orElseThrow();
        assertEquals(SchedulerState.RUNNING, early.state());
        assertEquals(Times.UNKNOWN, early.endUs());
    }

    /**
     * {@code kubectl get events.v1.events.k8s.io -o json} (written by hand in that API's form: {@code regarding},
     * {@code note}, {@code deprecatedCount} and its first and last timestamps for an event recorded through the old
     * API), and {@code kubectl get events --watch --output-watch-events -o json}, which wraps each event.
     */
    @Test
    void eventsApiAndWatchEvents() throws Exception {
        Path f = Files.writeString(tmp.resolve("events.json"), """
                {"apiVersion": "events.k8s.io/v1", "kind": "EventList", "items": [
                {"action": "Preempting", "apiVersion": "events.k8s.io/v1", "eventTime": "2024-05-01T13:12:40.093512Z",
                 "kind": "Event", "metadata": {"name": "w.1", "namespace": "ml", "uid": "u9"},
                 "note": "Preempted by pod 0e9d on node gpu-node-c", "reason": "Preempted",
                 "regarding": {"kind": "Pod", "name": "w", "namespace": "ml", "uid": "p1"},
                 "reportingController": "default-scheduler", "reportingInstance": "default-scheduler-cp-1",
                 "type": "Normal"},
                {"apiVersion": "events.k8s.io/v1", "deprecatedCount": 4,
                 "deprecatedFirstTimestamp": "2024-05-01T12:00:08Z", "deprecatedLastTimestamp": "2024-05-01T12:06:00Z",
                 "eventTime": null, "kind": "Event", "metadata": {"name": "w.2", "namespace": "ml", "uid": "u10"},
                 "note": "Back-off pulling image \\"x\\"", "reason": "BackOff",
                 "regarding": {"kind": "Pod", "name": "w", "namespace": "ml", "uid": "p1"},
                 "reportingController": "kubelet", "reportingInstance": "gpu-node-b", "type": "Normal"}]}
                {"type": "ADDED", "object": {"apiVersion": "v1", "count": 1, "firstTimestamp": "2024-05-01T13:04:31Z",
                 "involvedObject": {"kind": "Node", "name": "gpu-node-b"}, "kind": "Event",
                 "lastTimestamp": "2024-05-01T13:04:31Z", "message": "Node gpu-node-b status is now: NodeNotReady",
                 "metadata": {"name": "gpu-node-b.3", "uid": "u11"}, "reason": "NodeNotReady"}}
                """);
        FileEvents e = read(f);
        assertEquals(List.of(us("2024-05-01T12:00:08Z"), us("2024-05-01T12:06:00Z"), us("2024-05-01T13:04:31Z"),
                us("2024-05-01T13:12:40.093512Z")), e.events().stream().map(TrainerEvent::timeUs).toList());
        assertEquals("pod ml/w BackOff: Back-off pulling image \"x\" (4 times from 2024-05-01T12:00:08Z to "
                + "2024-05-01T12:06:00Z)", ((TrainerEvent.Marker) e.events().get(0)).what());
        TrainerEvent.Fault notReady = (TrainerEvent.Fault) e.events().get(2);
        assertEquals("gpu-node-b", notReady.node());
        assertEquals(f + ":14", notReady.source().toString()); // the wrapped object's line
        assertEquals(EndReason.PREEMPTED, ((TrainerEvent.End) e.events().get(3)).reason());
    }

    /** A gzip-compressed export is read as it is (kubectl's output piped through gzip). */
    @Test
    void gzippedExport() throws Exception {
        Path gz = tmp.resolve("events-1315.json.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(EVENTS_1315));
        }
        assertEquals(dev.goodput.core.io.InputFormat.KUBERNETES, dev.goodput.core.io.RunLoader.detect(gz));
        assertEquals(read(EVENTS_1315).events().size(), read(gz).events().size());
    }
}
