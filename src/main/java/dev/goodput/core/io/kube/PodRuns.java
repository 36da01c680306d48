package dev.goodput.core.io.kube;

import dev.goodput.core.io.logs.BadRecord;
import dev.goodput.core.io.logs.SchedulerState;
import dev.goodput.core.io.logs.TrainerEvent;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs of one pod's training container (docs/formats.md, "Kubernetes"). A pod is one allocation; each run of its
 * training container is a scheduler job: the first from the pod's creation (submitted) and its scheduling
 * (allocated, the {@code PodScheduled} condition) to the container's end; each restart from the container's own
 * start. Kubernetes keeps only the current run ({@code state}) and the one before it ({@code lastState}); earlier
 * runs are known from events only.
 */
final class PodRuns {
    /** Extended resources that are accelerators, summed over the training container's limits. */
    static final List<String> ACCELERATORS = List.of("nvidia.com/gpu", "amd.com/gpu", "google.com/tpu");
    /** Labels naming the job a pod belongs to, before its owner reference (a JobSet's pods are owned by Jobs). */
    static final List<String> JOB_LABELS = List.of("training.kubeflow.org/job-name", "jobset.sigs.k8s.io/jobset-name",
            "volcano.sh/job-name");

    private final String file;
    private final LocatedObject pod;
    private String name;
    private String podKey;
    private String uid;
    private String owner;
    private String node;
    private long createdUs;
    private long scheduledUs = Times.UNKNOWN;
    private int accelerators;

    private PodRuns(String file, LocatedObject pod) {
        this.file = file;
        this.pod = pod;
    }

    /** The runs the pod shows, oldest first. */
    static List<PodRun> of(String file, LocatedObject pod) throws BadRecord {
        return new PodRuns(file, pod).runs();
    }

    private List<PodRun> runs() throws BadRecord {
        LocatedObject meta = pod.required("metadata", "the Pod");
        name = meta.text("name");
        if (name == null) {
            throw new BadRecord("expected \"metadata.name\" in the Pod");
        }
        String ns = meta.text("namespace");
        podKey = ns == null ? name : ns + "/" + name;
        uid = meta.text("uid");
        createdUs = meta.time("creationTimestamp", Times.UNKNOWN);
        if (createdUs == Times.UNKNOWN) {
            throw new BadRecord("expected \"metadata.creationTimestamp\" in the Pod " + name);
        }
        owner = owner(meta);
        LocatedObject spec = pod.required("spec", "the Pod " + name);
        node = spec.text("nodeName");
        LocatedObject container = trainingContainer(spec, meta);
        String containerName = container.text("name");
        accelerators = accelerators(container);
        LocatedObject status = pod.object("status");
        if (status == null) {
            status = new LocatedObject(pod.line(), new java.util.LinkedHashMap<>());
        }
        LocatedObject scheduled = condition(status, "PodScheduled");
        if (scheduled != null && "True".equals(scheduled.text("status"))) {
            scheduledUs = scheduled.time("lastTransitionTime", Times.UNKNOWN);
        }
        String keyBase = (uid != null ? uid : podKey) + "/" + containerName + "#";
        LocatedObject cs = null;
        for (LocatedObject s : status.objects("containerStatuses")) {
            if (containerName != null && containerName.equals(s.text("name"))) {
                cs = s;
            }
        }
        List<PodRun> out = new ArrayList<>();
        if (cs == null) {
            out.add(notStarted(keyBase, status, scheduled));
            return out;
        }
        int restarts = (int) Math.max(0, Math.min(Integer.MAX_VALUE, cs.whole("restartCount", 0)));
        LocatedObject last = cs.object("lastState");
        LocatedObject lastTerminated = last == null ? null : last.object("terminated");
        if (lastTerminated != null && restarts > 0) {
            out.add(terminated(keyBase, restarts - 1, lastTerminated, null));
        }
        LocatedObject state = cs.object("state");
        LocatedObject running = state == null ? null : state.object("running");
        LocatedObject terminated = state == null ? null : state.object("terminated");
        if (running != null) {
            out.add(running(keyBase, restarts, running, status));
        } else if (terminated != null) {
            out.add(terminated(keyBase, restarts, terminated, status));
        } else if (restarts == 0) {
            // Never started: its image pulling, or the pod ended (evicted) before the container ran.
            LocatedObject waiting = state == null ? null : state.object("waiting");
            out.add(notStarted(keyBase, status, waiting != null ? waiting : scheduled));
        }
        // A waiting container that ran before (CrashLoopBackOff) has no run yet: the one before it is lastState.
        return out;
    }

    /** The pod's first run while its container has not started (or never did). */
    private PodRun notStarted(String keyBase, LocatedObject status, LocatedObject why) throws BadRecord {
        String phase = status.text("phase");
        SchedulerState state;
        long endUs = Times.UNKNOWN;
        String reason = podReason(status);
        if ("Failed".equals(phase)) {
            state = podEnd(status, SchedulerState.FAILED);
            endUs = disruptionTime(status);
        } else if ("Succeeded".equals(phase)) {
            state = SchedulerState.COMPLETED;
        } else if ("Running".equals(phase)) {
            state = SchedulerState.RUNNING;
        } else {
            state = SchedulerState.PENDING;
        }
        if (reason == null && why != null) {
            reason = reasonOf(why);
        }
        Source src = new Source(file, why != null ? why.line() : pod.line());
        return new PodRun(keyBase + 0, podKey, uid, owner, job(src, 0, createdUs, scheduledUs, endUs, state, reason, null),
                null);
    }

    /**
     * The current run, still running as far as the export knows; unless the pod is already being disrupted (its
     * {@code DisruptionTarget} condition: deleted from a node that stopped reporting, preempted), which ends the run
     * when the condition was set.
     */
    private PodRun running(String keyBase, int run, LocatedObject running, LocatedObject status) throws BadRecord {
        long startedUs = running.time("startedAt", Times.UNKNOWN);
        Source src = new Source(file, running.line());
        long submit = run == 0 ? createdUs : Times.UNKNOWN;
        long start = run == 0 && scheduledUs != Times.UNKNOWN ? scheduledUs : startedUs;
        SchedulerState state = podEnd(status, SchedulerState.RUNNING);
        long endUs = Times.UNKNOWN;
        String reason = null;
        if (state != SchedulerState.RUNNING) {
            LocatedObject disruption = condition(status, "DisruptionTarget");
            endUs = disruptionTime(status);
            reason = podReason(status);
            src = new Source(file, disruption != null ? disruption.line() : running.line());
        }
        return new PodRun(keyBase + run, podKey, uid, owner, job(src, run, submit, start, endUs, state, reason, null),
                started(new Source(file, running.line()), run, startedUs));
    }

    /**
     * A run that ended. {@code status} is given for the pod's current run, whose end the pod's own reason (an
     * eviction, a deadline) or disruption condition (a preemption) explains better than the container's exit.
     */
    private PodRun terminated(String keyBase, int run, LocatedObject t, LocatedObject status) throws BadRecord {
        long finishedUs = t.time("finishedAt", Times.UNKNOWN);
        if (finishedUs == Times.UNKNOWN) {
            throw new BadRecord("expected \"finishedAt\" in the terminated state of pod " + name);
        }
        // A container that could not start (ContainerCannotRun) has no startedAt: it was tried, and failed, at its end.
        long startedUs = t.time("startedAt", Times.UNKNOWN);
        long exit = t.whole("exitCode", Long.MIN_VALUE);
        SchedulerState state = containerEnd(t.text("reason"), exit);
        String reason = reasonOf(t);
        if (status != null) {
            SchedulerState container = state;
            state = podEnd(status, state);
            String podReason = state != container || status.text("reason") != null ? podReason(status) : null;
            reason = podReason == null ? reason : reason == null ? podReason : podReason + "; " + reason;
        }
        Source src = new Source(file, t.line());
        long submit = run == 0 ? createdUs : Times.UNKNOWN;
        long start = run == 0 && scheduledUs != Times.UNKNOWN ? scheduledUs
                : startedUs != Times.UNKNOWN ? startedUs : finishedUs;
        return new PodRun(keyBase + run, podKey, uid, owner, job(src, run, submit, start, finishedUs, state, reason,
                exit == Long.MIN_VALUE ? null : Long.toString(exit)), started(src, run, startedUs));
    }

    private TrainerEvent.SchedulerJob job(Source src, int run, long submitUs, long startUs, long endUs,
                                          SchedulerState state, String reason, String exitCode) {
        long t = startUs != Times.UNKNOWN ? startUs : submitUs;
        return new TrainerEvent.SchedulerJob(t, src, run == 0 ? name : name + "#" + run, null, owner, submitUs,
                startUs, endUs, state, reason, node == null ? List.of() : List.of(node), exitCode, accelerators);
    }

    private TrainerEvent.Marker started(Source src, int run, long startedUs) {
        return startedUs == Times.UNKNOWN ? null : new TrainerEvent.Marker(startedUs, src,
                "container started: " + podKey + " run " + run);
    }

    /** A container's end by its own reason and exit code. */
    static SchedulerState containerEnd(String reason, long exitCode) {
        if ("OOMKilled".equals(reason)) {
            return SchedulerState.OUT_OF_MEMORY;
        }
        if ("DeadlineExceeded".equals(reason)) {
            return SchedulerState.TIMEOUT;
        }
        if ("Completed".equals(reason) || exitCode == 0) {
            return SchedulerState.COMPLETED;
        }
        return SchedulerState.FAILED;
    }

    /**
     * The pod's end when the pod says why it stopped: evicted (a node failure, or a preemption when the message says
     * so), past its {@code activeDeadlineSeconds}, or a disruption condition (preempted by the scheduler, deleted
     * from a node that went away, stopped by the kubelet).
     */
    static SchedulerState podEnd(LocatedObject status, SchedulerState container) throws BadRecord {
        String reason = status.text("reason");
        String message = status.text("message");
        if ("Evicted".equals(reason)) {
            return mentionsPreemption(message) ? SchedulerState.PREEMPTED : SchedulerState.NODE_FAIL;
        }
        if ("DeadlineExceeded".equals(reason)) {
            return SchedulerState.TIMEOUT;
        }
        LocatedObject disruption = condition(status, "DisruptionTarget");
        if (disruption != null && "True".equals(disruption.text("status"))) {
            String why = disruption.text("reason");
            if ("PreemptionByScheduler".equals(why) || "PreemptionByKubeScheduler".equals(why)) {
                return SchedulerState.PREEMPTED;
            }
            if ("DeletionByTaintManager".equals(why) || "TerminationByKubelet".equals(why)) {
                return SchedulerState.NODE_FAIL;
            }
        }
        return container;
    }

    static boolean mentionsPreemption(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("preempt");
    }

    /** When the pod was disrupted (its DisruptionTarget condition), for an end with no container to say it. */
    private static long disruptionTime(LocatedObject status) throws BadRecord {
        LocatedObject d = condition(status, "DisruptionTarget");
        return d == null ? Times.UNKNOWN : d.time("lastTransitionTime", Times.UNKNOWN);
    }

    /** Why the pod stopped: its own reason ("Evicted: The node was low on …"), else its disruption condition's. */
    private static String podReason(LocatedObject status) throws BadRecord {
        String reason = status.text("reason");
        if (reason != null) {
            return join(reason, status.text("message"));
        }
        LocatedObject d = condition(status, "DisruptionTarget");
        return d != null && "True".equals(d.text("status")) ? reasonOf(d) : null;
    }

    /** "reason: message" of a state or condition, or null when it gives neither. */
    private static String reasonOf(LocatedObject o) throws BadRecord {
        String r = o.text("reason");
        String m = o.text("message");
        return r == null && m == null ? null : r == null ? m : join(r, m);
    }

    private static String join(String reason, String message) {
        return message == null || message.isBlank() ? reason : reason + ": " + message.strip();
    }

    static LocatedObject condition(LocatedObject status, String type) throws BadRecord {
        for (LocatedObject c : status.objects("conditions")) {
            if (type.equals(c.text("type"))) {
                return c;
            }
        }
        return null;
    }

    /**
     * The container that trains: the first asking for accelerators, else the one kubectl defaults to (its
     * {@code kubectl.kubernetes.io/default-container} annotation), else the first.
     */
    private static LocatedObject trainingContainer(LocatedObject spec, LocatedObject meta) throws BadRecord {
        List<LocatedObject> containers = spec.objects("containers");
        if (containers.isEmpty()) {
            throw new BadRecord("expected \"spec.containers\" in the Pod");
        }
        for (LocatedObject c : containers) {
            if (accelerators(c) > 0) {
                return c;
            }
        }
        LocatedObject annotations = meta.object("annotations");
        String preferred = annotations == null ? null : annotations.text("kubectl.kubernetes.io/default-container");
        for (LocatedObject c : containers) {
            if (preferred != null && preferred.equals(c.text("name"))) {
                return c;
            }
        }
        return containers.get(0);
    }

    /** Accelerators a container asks for: its limits (extended resources must have limits), else its requests. */
    static int accelerators(LocatedObject container) throws BadRecord {
        LocatedObject resources = container.object("resources");
        if (resources == null) {
            return 0;
        }
        long n = count(resources.object("limits"));
        if (n == 0) {
            n = count(resources.object("requests"));
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static long count(LocatedObject amounts) throws BadRecord {
        long n = 0;
        if (amounts != null) {
            for (String key : ACCELERATORS) {
                n += Math.max(0, amounts.quantity(key));
            }
        }
        return n;
    }

    /** The job the pod belongs to: a training operator's or JobSet's label, else its controller, else job-name. */
    private static String owner(LocatedObject meta) throws BadRecord {
        LocatedObject labels = meta.object("labels");
        if (labels != null) {
            for (String label : JOB_LABELS) {
                String v = labels.text(label);
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        }
        String first = null;
        for (LocatedObject ref : meta.objects("ownerReferences")) {
            String n = ref.text("name");
            if (Boolean.TRUE.equals(ref.bool("controller"))) {
                return n;
            }
            first = first == null ? n : first;
        }
        if (first != null) {
            return first;
        }
        if (labels != null) {
            String job = labels.text("batch.kubernetes.io/job-name");
            return job != null ? job : labels.text("job-name");
        }
        return null;
    }
}
