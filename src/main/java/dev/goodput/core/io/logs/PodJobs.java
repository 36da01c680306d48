package dev.goodput.core.io.logs;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runs of a Kubernetes job's pods (each run of a pod's training container is a row: {@code worker-0},
 * {@code worker-0#1} after its first restart) as the job's attempts (docs/derivation.md, "Scheduler records"). The
 * pods of one job train together, so the runs of one job (same {@link TrainerEvent.SchedulerJob#name()}) that run at
 * the same time are one attempt: their accelerators added, their nodes joined. The attempt ends when the first of
 * them ends other than completed (the job cannot go on without it), or when the last completes; a run that starts
 * after that end (a pod's container restarted: it has no submission, it starts when its container started again)
 * starts the next attempt, which the runs still going on at its start join. So the gap between a failed run's end and
 * its restart is the restart's back-off, charged to the failure. A run's "container started" marker is the attempt's
 * first activity when no trainer log says otherwise: scheduled → started (the image pull) is provisioning.
 */
final class PodJobs {
    /** The words of the Kubernetes source's marker of a container start: "container started: ns/pod run k". */
    static final String STARTED = "container started: ";

    private PodJobs() {
    }

    /**
     * The attempts of the pods' runs that started, job by job in the order their first runs started, then a job for
     * each run that never started (pending: it makes no attempt). A pod whose first runs Kubernetes no longer keeps
     * (it keeps a container's last two) is warned about: its queue wait and earlier restarts are not known.
     *
     * @param runs    the rows of the pods' runs
     * @param markers the source's markers, among them its container starts
     */
    static List<SchedulerJobs.Job> of(List<TrainerEvent.SchedulerJob> runs, List<TrainerEvent.Marker> markers,
                                      Consumer<Problem> problems) {
        Map<String, Long> containerStarts = containerStarts(markers);
        Map<String, List<TrainerEvent.SchedulerJob>> byJob = new LinkedHashMap<>();
        List<TrainerEvent.SchedulerJob> started = new ArrayList<>();
        List<SchedulerJobs.Job> pending = new ArrayList<>();
        Map<String, TrainerEvent.SchedulerJob> firstKept = new LinkedHashMap<>();
        for (TrainerEvent.SchedulerJob r : runs) {
            firstKept.merge(pod(r.jobId()), r, (a, b) -> runIndex(b.jobId()) < runIndex(a.jobId()) ? b : a);
            if (r.startUs() != Times.UNKNOWN) {
                started.add(r);
            } else {
                pending.add(new SchedulerJobs.Job(r.jobId(), r.name(), r.submitUs(), Times.UNKNOWN, Times.UNKNOWN,
                        r.state(), r.reason(), r.nodes(), r.exitCode(), r.accelerators(), r.source(), List.of(),
                        List.of(r), Times.UNKNOWN));
            }
        }
        for (TrainerEvent.SchedulerJob r : firstKept.values()) {
            int k = runIndex(r.jobId());
            if (k > 0) {
                problems.accept(Problem.warning(r.source(), "pod " + pod(r.jobId()) + "'s runs before " + r.jobId()
                        + " are gone (Kubernetes keeps a container's last two runs): its first " + k + " run"
                        + (k == 1 ? "" : "s") + ", its queue wait and restarts before them are not counted"));
            }
        }
        started.sort(Comparator.comparingLong(TrainerEvent.SchedulerJob::startUs));
        for (TrainerEvent.SchedulerJob r : started) {
            byJob.computeIfAbsent(jobOf(r), k -> new ArrayList<>()).add(r);
        }
        List<SchedulerJobs.Job> out = new ArrayList<>();
        for (List<TrainerEvent.SchedulerJob> job : byJob.values()) {
            attempts(job, containerStarts, out);
        }
        out.addAll(pending);
        return out;
    }

    /** k of "worker-0#k", 0 of "worker-0". */
    private static int runIndex(String runId) {
        int hash = runId.lastIndexOf('#');
        if (hash < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(runId.substring(hash + 1));
        } catch (NumberFormatException e) {
            return 0; // a pod whose own name has a '#'
        }
    }

    /** The job a run belongs to: its name, else (a bare pod) the pod. */
    private static String jobOf(TrainerEvent.SchedulerJob r) {
        return r.name() != null ? "job " + r.name() : "pod " + pod(r.jobId());
    }

    /** "worker-0" of "worker-0#2". */
    private static String pod(String runId) {
        int hash = runId.lastIndexOf('#');
        return hash > 0 && runIndex(runId) > 0 ? runId.substring(0, hash) : runId;
    }

    /** Run id ("worker-0", "worker-0#1") → when its container started, from the source's markers. */
    private static Map<String, Long> containerStarts(List<TrainerEvent.Marker> markers) {
        Map<String, Long> out = new HashMap<>();
        for (TrainerEvent.Marker m : markers) {
            String what = m.what();
            int run = what.lastIndexOf(" run ");
            if (!what.startsWith(STARTED) || run < 0) {
                continue;
            }
            String pod = what.substring(STARTED.length(), run);
            pod = pod.substring(pod.lastIndexOf('/') + 1);
            String k = what.substring(run + 5).strip();
            out.putIfAbsent(k.equals("0") ? pod : pod + "#" + k, m.timeUs());
        }
        return out;
    }

    /** One job's runs (in the order they started) cut into attempts. */
    private static void attempts(List<TrainerEvent.SchedulerJob> runs, Map<String, Long> containerStarts,
                                 List<SchedulerJobs.Job> out) {
        List<TrainerEvent.SchedulerJob> members = new ArrayList<>();
        Set<TrainerEvent.SchedulerJob> carried = new LinkedHashSet<>();
        for (TrainerEvent.SchedulerJob r : runs) {
            long end = Ending.of(members).endUs();
            if (!members.isEmpty() && end != Times.UNKNOWN && r.startUs() >= end) {
                out.add(job(members, carried, containerStarts));
                carried = new LinkedHashSet<>();
                for (TrainerEvent.SchedulerJob m : members) {
                    if (!m.state().ended() || m.endUs() > r.startUs()) {
                        carried.add(m); // still running when the next attempt starts: part of it too
                    }
                }
                members = new ArrayList<>(carried);
                members.add(0, r); // the run that starts the attempt first: it is the attempt's row
            } else {
                members.add(r);
            }
        }
        if (!members.isEmpty()) {
            out.add(job(members, carried, containerStarts));
        }
    }

    /**
     * How an attempt of runs ends: at the first end other than completed, in that run's state; else, when every
     * run completed, at the last end; else not yet.
     *
     * @param by the run whose end it is, or null when it has not ended
     */
    private record Ending(long endUs, TrainerEvent.SchedulerJob by) {
        static Ending of(List<TrainerEvent.SchedulerJob> members) {
            TrainerEvent.SchedulerJob first = null;
            TrainerEvent.SchedulerJob last = null;
            boolean allEnded = !members.isEmpty();
            for (TrainerEvent.SchedulerJob m : members) {
                if (!m.state().ended() || m.endUs() == Times.UNKNOWN) {
                    allEnded = false;
                } else if (m.state() != SchedulerState.COMPLETED) {
                    first = first == null || m.endUs() < first.endUs() ? m : first;
                } else {
                    last = last == null || m.endUs() >= last.endUs() ? m : last;
                }
            }
            if (first != null) {
                return new Ending(first.endUs(), first);
            }
            return allEnded ? new Ending(last.endUs(), last) : new Ending(Times.UNKNOWN, null);
        }
    }

    /**
     * An attempt of runs as one scheduler job. {@code members.get(0)} started it; {@code carried} went on from the
     * attempt before (they were not submitted for this one, and their containers started before it).
     */
    private static SchedulerJobs.Job job(List<TrainerEvent.SchedulerJob> members,
                                         Set<TrainerEvent.SchedulerJob> carried, Map<String, Long> containerStarts) {
        TrainerEvent.SchedulerJob first = members.get(0);
        long start = first.startUs();
        long submit = Times.UNKNOWN;
        long firstActivity = Times.UNKNOWN;
        Set<String> nodes = new LinkedHashSet<>();
        int accelerators = 0;
        for (TrainerEvent.SchedulerJob m : members) {
            nodes.addAll(m.nodes());
            accelerators += m.accelerators();
            if (carried.contains(m)) {
                continue;
            }
            if (m.submitUs() != Times.UNKNOWN && (submit == Times.UNKNOWN || m.submitUs() < submit)) {
                submit = m.submitUs();
            }
            // A restart's run starts when its container does; a first run's container starts after its scheduling.
            long c = containerStarts.getOrDefault(m.jobId(), m.submitUs() == Times.UNKNOWN ? m.startUs()
                    : Times.UNKNOWN);
            if (c != Times.UNKNOWN && c >= start && (firstActivity == Times.UNKNOWN || c < firstActivity)) {
                firstActivity = c;
            }
        }
        Ending ending = Ending.of(members);
        TrainerEvent.SchedulerJob by = ending.by();
        SchedulerState state = by != null ? by.state() : SchedulerState.RUNNING;
        return new SchedulerJobs.Job(first.jobId(), first.name(), submit, start, ending.endUs(), state,
                by != null ? by.reason() : null, new ArrayList<>(nodes), by != null ? by.exitCode() : null,
                accelerators, first.source(), List.of(), members, firstActivity);
    }
}
