package dev.goodput.core.io.logs;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scheduler's jobs in its rows ({@link TrainerEvent.SchedulerJob}), each with its steps: a step row belongs to the
 * latest job row of its id before it (sacct lists a job, then its steps); the components of a heterogeneous job
 * ({@code 1001+0}, {@code 1001+1}) are one job; a {@code RESIZING} row ends nothing, so the job goes on in its next
 * row of the same id (with a warning: the accelerator count is not followed); the same job seen in two exports
 * (same id and start) is one, its ended state winning over a running one.
 */
final class SchedulerJobs {
    private SchedulerJobs() {
    }

    /**
     * One scheduler job (allocation): a SLURM job, or a Kubernetes job's pods running together ({@link PodJobs}).
     *
     * @param source          its row (the pod run that started it)
     * @param steps           its steps' rows, in their order (SLURM)
     * @param pods            the runs of its pods' training containers, each a row of its own (Kubernetes); empty
     *                        for a SLURM job
     * @param firstActivityUs when its own records say it first did something (a pod's container started), else
     *                        {@link Times#UNKNOWN}: the first activity is then the trainer's first line
     */
    record Job(String id, String name, long submitUs, long startUs, long endUs, SchedulerState state, String reason,
               List<String> nodes, String exitCode, int accelerators, Source source,
               List<TrainerEvent.SchedulerJob> steps, List<TrainerEvent.SchedulerJob> pods, long firstActivityUs) {
        Job {
            nodes = List.copyOf(nodes);
            steps = List.copyOf(steps);
            pods = List.copyOf(pods);
        }

        /** A SLURM job. */
        Job(String id, String name, long submitUs, long startUs, long endUs, SchedulerState state, String reason,
            List<String> nodes, String exitCode, int accelerators, Source source,
            List<TrainerEvent.SchedulerJob> steps) {
            this(id, name, submitUs, startUs, endUs, state, reason, nodes, exitCode, accelerators, source, steps,
                    List.of(), Times.UNKNOWN);
        }

        boolean started() {
            return startUs != Times.UNKNOWN;
        }

        /** Its end when the scheduler says it ended, else UNKNOWN (still running, or no end given). */
        long knownEndUs() {
            return state.ended() ? endUs : Times.UNKNOWN;
        }

        /** The job as if it started at {@code t} (a job overlapping the one before it starts when that one ended). */
        Job withStart(long t) {
            return new Job(id, name, submitUs, t, endUs, state, reason, nodes, exitCode, accelerators, source, steps,
                    pods, firstActivityUs);
        }

        /** "scheduler job 2001", "pods of llama-ft (llama-ft-worker-0, llama-ft-worker-1)": for saying why. */
        String describe() {
            if (pods.isEmpty()) {
                return "scheduler job " + id;
            }
            List<String> ids = pods.stream().map(TrainerEvent.SchedulerJob::jobId).toList();
            String list = ids.size() <= 4 ? String.join(", ", ids)
                    : String.join(", ", ids.subList(0, 4)) + ", … (" + ids.size() + ")";
            return (pods.size() == 1 ? "pod" : "pods") + (name == null ? "" : " of " + name) + " (" + list + ")";
        }

        /** "NODE_FAIL", "CANCELLED by 1234". */
        String stateText() {
            return reason == null ? state.name() : state.name() + " " + reason;
        }
    }

    /** The jobs in the rows, in the rows' order (a job's steps folded into it); warnings go to {@code problems}. */
    static List<Job> of(List<TrainerEvent.SchedulerJob> rows, Consumer<Problem> problems) {
        List<Builder> jobs = new ArrayList<>();
        Builder resizing = null;
        int orphanSteps = 0;
        Source firstOrphan = null;
        for (TrainerEvent.SchedulerJob r : rows) {
            if (r.isStep()) {
                Builder owner = latest(jobs, r.jobId());
                if (owner == null) {
                    orphanSteps++;
                    firstOrphan = firstOrphan == null ? r.source() : firstOrphan;
                } else {
                    owner.step(r);
                }
                continue;
            }
            String base = hetBase(r.jobId());
            Builder het = base.equals(r.jobId()) ? null : latestHet(jobs, base);
            Builder same = latest(jobs, r.jobId());
            if (het != null && het.startUs == r.startUs()) {
                het.component(r);
            } else if (resizing != null && resizing.id.equals(r.jobId())) {
                resizing.continuedBy(r); // the job goes on after its resize
                resizing = r.state() == SchedulerState.RESIZING ? resizing : null;
            } else if (same != null && same.startUs == r.startUs() && r.startUs() != Times.UNKNOWN) {
                same.seenAgain(r);
            } else {
                Builder b = new Builder(r, base);
                jobs.add(b);
                if (r.state() == SchedulerState.RESIZING) {
                    resizing = b;
                    problems.accept(Problem.warning(r.source(), "job " + r.jobId() + " was resized (RESIZING): "
                            + "it goes on in its next row; the change in accelerators is not followed"));
                }
            }
        }
        if (orphanSteps > 0) {
            problems.accept(Problem.warning(firstOrphan, orphanSteps + " sacct step rows without their job's row "
                    + "ignored (a job's row says when it was allocated; list jobs with their steps)"));
        }
        List<Job> out = new ArrayList<>(jobs.size());
        for (Builder b : jobs) {
            out.add(b.build());
        }
        return out;
    }

    /** The jobs that started, in the order they started (those that never did make no attempt). */
    static List<Job> started(List<Job> jobs) {
        List<Job> out = new ArrayList<>();
        for (Job j : jobs) {
            if (j.started()) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparingLong(Job::startUs));
        return out;
    }

    /** "1001" of a heterogeneous job's component "1001+1"; the id itself otherwise. */
    private static String hetBase(String id) {
        int plus = id.indexOf('+');
        return plus > 0 ? id.substring(0, plus) : id;
    }

    private static Builder latest(List<Builder> jobs, String id) {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            Builder b = jobs.get(i);
            if (b.id.equals(id) || b.componentIds.contains(id)) {
                return b;
            }
        }
        return null;
    }

    private static Builder latestHet(List<Builder> jobs, String base) {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            if (jobs.get(i).base.equals(base)) {
                return jobs.get(i);
            }
        }
        return null;
    }

    /** A job as its rows are read. */
    private static final class Builder {
        final String id;
        final String base;
        final Set<String> componentIds = new LinkedHashSet<>();
        String name;
        long submitUs;
        long startUs;
        long endUs;
        SchedulerState state;
        String reason;
        final Set<String> nodes = new LinkedHashSet<>();
        String exitCode;
        int accelerators;
        Source source;
        final List<TrainerEvent.SchedulerJob> steps = new ArrayList<>();

        Builder(TrainerEvent.SchedulerJob r, String base) {
            this.id = base.equals(r.jobId()) ? r.jobId() : base;
            this.base = base;
            componentIds.add(r.jobId());
            take(r);
            submitUs = r.submitUs();
            startUs = r.startUs();
        }

        /** The row's state, end and resources. */
        private void take(TrainerEvent.SchedulerJob r) {
            name = r.name() != null ? r.name() : name;
            endUs = r.endUs();
            state = r.state();
            reason = r.reason();
            nodes.clear();
            nodes.addAll(r.nodes());
            exitCode = r.exitCode();
            accelerators = r.accelerators();
            source = r.source();
        }

        void step(TrainerEvent.SchedulerJob r) {
            for (int i = 0; i < steps.size(); i++) {
                TrainerEvent.SchedulerJob s = steps.get(i);
                if (s.jobId().equals(r.jobId()) && s.stepId().equals(r.stepId())) {
                    steps.set(i, r); // another export of the same step: the later row
                    return;
                }
            }
            steps.add(r);
        }

        /** Another component of a heterogeneous job: one allocation, its resources added. */
        void component(TrainerEvent.SchedulerJob r) {
            componentIds.add(r.jobId());
            nodes.addAll(r.nodes());
            accelerators += r.accelerators();
            if (r.endUs() != Times.UNKNOWN && (endUs == Times.UNKNOWN || r.endUs() > endUs)) {
                endUs = r.endUs();
            }
            if (state == SchedulerState.COMPLETED && r.state() != SchedulerState.COMPLETED) {
                state = r.state(); // a failing component says how the job ended
                reason = r.reason();
                exitCode = r.exitCode();
            }
        }

        /** The job's next row after a resize: it ends as that row says, from the first row's start. */
        void continuedBy(TrainerEvent.SchedulerJob r) {
            take(r);
        }

        /** The same job in another export: a row that says it ended wins over one taken while it ran. */
        void seenAgain(TrainerEvent.SchedulerJob r) {
            if (r.state().ended() || !state.ended()) {
                take(r);
            }
        }

        Job build() {
            return new Job(id, name, submitUs, startUs, endUs, state, reason, new ArrayList<>(nodes), exitCode,
                    accelerators, source, steps);
        }
    }
}
