package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Scheduler jobs as the run's attempts (docs/derivation.md, "Scheduler records"). Each job that started is one
 * attempt from its start to its end; the trainer's attempts are matched to the job they overlap most, and the job's
 * start and end replace theirs. Several trainer attempts in one job (a launcher restarting its workers inside the
 * allocation) stay separate attempts: the first starts at the job's start, the last ends at its end, and the restarts
 * between them keep the trainer's times. A job with no trainer activity (a boot failure, a job that died before its
 * first line) is an attempt without steps, all of it provisioning. Besides:
 * <ul>
 *   <li>the first job's wait, submission → start, is logged downtime of kind {@code queue};</li>
 *   <li>a job's start → the trainer's first activity in it is a {@code provisioning} phase;</li>
 *   <li>the job's state decides how its (last) attempt ended ({@link SchedulerState#endReason()}); an unplanned end
 *   is a fault at the job's end, on its nodes, whose message names the failing step and its exit code (unless the
 *   trainer's log already has that fault: slurmstepd's banner of the same node failure counts once);</li>
 *   <li>the job's allocated GPUs are the attempt's accelerators, the trainer's world size those in use;</li>
 *   <li>a trainer attempt whose activity falls outside its job (beyond a second's rounding at the start, or the
 *   {@link #END_TOLERANCE_US} a killed job's processes may still write at the end) is warned about, with the clock
 *   offset that would fix it.</li>
 * </ul>
 * Jobs that overlap one another are not one run's attempts: a job with no trainer activity that overlaps another is
 * left out, with a warning.
 */
final class JobMatcher {
    /** A trainer's first line this much before its job's start is a clock disagreement (sacct keeps seconds). */
    static final long START_TOLERANCE_US = 2_000_000L;
    /**
     * A trainer's lines this much after its job's end are a clock disagreement: a cancelled or timed-out job's
     * processes get SIGTERM and KillWait (30 s by default) to write their last lines before they are killed.
     */
    static final long END_TOLERANCE_US = 60_000_000L;

    private final RunBuilder run;
    private final int worldSize;
    private final ToLongFunction<String> givenOffset;
    private final List<FaultEvent> sideFaults;
    private final List<Out> outs = new ArrayList<>();

    /** An attempt to write. */
    private record Out(long startUs, long endUs, EndReason reason, int allocated, int inUse, List<String> nodes,
                       Source source, String why) {
    }

    private JobMatcher(RunBuilder run, int worldSize, ToLongFunction<String> givenOffset,
                       List<FaultEvent> sideFaults) {
        this.run = run;
        this.worldSize = worldSize;
        this.givenOffset = givenOffset;
        this.sideFaults = sideFaults;
    }

    /**
     * Writes the attempts of jobs that started (at least one), with the trainer's attempts matched to them.
     *
     * @param worldSize   the accelerators the trainer trains on (0: unknown)
     * @param givenOffset the clock offset (µs) already given for a file, so a warning names the whole offset to give
     * @param sideFaults  the faults of the logs that are no job's (node logs, Kubernetes events), already in the run
     */
    static void write(List<TrainerAttempt> trainer, List<SchedulerJobs.Job> started, int worldSize,
                      ToLongFunction<String> givenOffset, List<FaultEvent> sideFaults, RunBuilder run) {
        new JobMatcher(run, worldSize, givenOffset, sideFaults).match(trainer, started);
    }

    private void match(List<TrainerAttempt> trainer, List<SchedulerJobs.Job> started) {
        Map<SchedulerJobs.Job, List<TrainerAttempt>> held = new HashMap<>();
        List<TrainerAttempt> loose = new ArrayList<>();
        for (TrainerAttempt t : trainer) {
            SchedulerJobs.Job j = holder(t, started);
            if (j == null) {
                loose.add(t);
            } else {
                held.computeIfAbsent(j, k -> new ArrayList<>()).add(t);
            }
        }
        List<SchedulerJobs.Job> kept = disjoint(started, held);
        for (SchedulerJobs.Job j : kept) {
            job(j, held.getOrDefault(j, List.of()));
        }
        podEnds(kept, trainer);
        for (TrainerAttempt t : loose) {
            SchedulerJobs.Job near = nearest(t, kept);
            long offset = near.startUs() - t.startUs();
            run.problem(Problem.warning(t.source(), RunStitcher.fileName(t.source().file()) + "'s activity from "
                    + RunStitcher.where(t.source()) + " lies in no scheduler job; it is an attempt of its own (the "
                    + "nearest job, " + near.id() + " at " + RunStitcher.where(near.source()) + ", started "
                    + RunStitcher.human(Math.abs(offset)) + (offset >= 0 ? " after" : " before") + " it; if the clocks "
                    + "differ, --clock-offset " + t.source().file() + "="
                    + seconds(offset + givenOffset.applyAsLong(t.source().file())) + " fixes it)"));
            outs.add(new Out(t.startUs(), t.endUs(), t.reason(), 0, 0, List.of(), t.source(), t.why()));
        }
        SchedulerJobs.Job first = kept.get(0);
        if (first.submitUs() != Times.UNKNOWN && first.submitUs() < first.startUs()) {
            run.downtime(new Downtime(DowntimeKind.QUEUE, first.submitUs(), first.startUs(), CauseCatalog.QUEUE.id(),
                    first.source()));
        }
        outs.sort(Comparator.comparingLong(Out::startUs));
        for (int i = 0; i < outs.size(); i++) {
            Out o = outs.get(i);
            run.jobStart(o.startUs(), o.allocated(), o.inUse(), 0, o.nodes(), o.source(), o.why());
            if (o.endUs() != Times.UNKNOWN) {
                boolean last = i == outs.size() - 1;
                EndReason reason = o.reason() != null ? o.reason() : last ? EndReason.COMPLETED : EndReason.UNKNOWN;
                run.jobEnd(o.endUs(), reason, o.source());
            }
        }
    }

    /** The job a trainer attempt overlaps most (touching counts), or null. */
    private static SchedulerJobs.Job holder(TrainerAttempt t, List<SchedulerJobs.Job> jobs) {
        SchedulerJobs.Job best = null;
        long bestOverlap = -1;
        for (SchedulerJobs.Job j : jobs) {
            long end = j.knownEndUs() == Times.UNKNOWN ? Long.MAX_VALUE : j.knownEndUs();
            long overlap = Math.min(t.endUs(), end) - Math.max(t.startUs(), j.startUs());
            if (overlap > bestOverlap) {
                best = j;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private static SchedulerJobs.Job nearest(TrainerAttempt t, List<SchedulerJobs.Job> jobs) {
        return jobs.stream().min(Comparator.comparingLong(j -> Math.abs(j.startUs() - t.startUs()))).orElseThrow();
    }

    /**
     * The jobs as disjoint attempts: one that overlaps the job before it is left out when no trainer activity is in
     * it (else that job is, when it has none); when both have, the later one starts where the earlier ended.
     */
    private List<SchedulerJobs.Job> disjoint(List<SchedulerJobs.Job> started,
                                             Map<SchedulerJobs.Job, List<TrainerAttempt>> held) {
        List<SchedulerJobs.Job> kept = new ArrayList<>();
        for (SchedulerJobs.Job j : started) {
            SchedulerJobs.Job current = j;
            while (!kept.isEmpty()) {
                SchedulerJobs.Job prev = kept.get(kept.size() - 1);
                long prevEnd = endOf(prev, held.get(prev));
                if (current.startUs() >= prevEnd) {
                    break;
                }
                boolean mine = held.containsKey(current);
                if (!mine || held.containsKey(prev)) {
                    if (!mine) {
                        overlapWarning(current, prev, "left out");
                        current = null;
                    } else {
                        overlapWarning(current, prev, "taken to start when " + prev.id() + " ended");
                        SchedulerJobs.Job moved = current.withStart(prevEnd);
                        held.put(moved, held.remove(current));
                        current = moved;
                    }
                    break;
                }
                overlapWarning(prev, current, "left out");
                kept.remove(kept.size() - 1);
            }
            if (current != null) {
                kept.add(current);
            }
        }
        return kept;
    }

    private void overlapWarning(SchedulerJobs.Job j, SchedulerJobs.Job other, String what) {
        run.problem(Problem.warning(j.source(), "scheduler job " + j.id() + " overlaps job " + other.id() + " ("
                + RunStitcher.where(other.source()) + "): the jobs of one run follow one another; " + j.id() + " is "
                + what + (what.equals("left out") ? " (no trainer activity in it)" : "")));
    }

    /** When a job ended: as the scheduler says, else at its trainer's last line, else at its start. */
    private static long endOf(SchedulerJobs.Job j, List<TrainerAttempt> ts) {
        if (j.knownEndUs() != Times.UNKNOWN) {
            return j.knownEndUs();
        }
        return ts == null || ts.isEmpty() ? j.startUs() : Math.max(j.startUs(), ts.get(ts.size() - 1).endUs());
    }

    /** One job's attempts, provisioning and end. */
    private void job(SchedulerJobs.Job j, List<TrainerAttempt> ts) {
        long end = j.knownEndUs();
        int allocated = j.accelerators();
        int inUse = allocated > 0 && worldSize > 0 && worldSize < allocated ? worldSize : 0;
        String head = j.describe() + " at " + RunStitcher.where(j.source()) + ", " + j.stateText();
        if (ts.isEmpty()) {
            // Up to its own first activity (a container started), else all of it: nothing says it ran.
            long first = j.firstActivityUs();
            long provisionedUntil = first == Times.UNKNOWN ? end : end == Times.UNKNOWN ? first : Math.min(first, end);
            outs.add(new Out(j.startUs(), end, j.state().ended() ? j.state().endReason() : null, allocated, 0,
                    j.nodes(), j.source(), head + (first == Times.UNKNOWN ? "; no trainer activity in it"
                    : "; no trainer log, its container started at " + Instant.ofEpochSecond(0, first * 1000))));
            if (provisionedUntil != Times.UNKNOWN && provisionedUntil > j.startUs()) {
                run.phase(new Phase(PhaseKind.PROVISIONING, PhaseKind.PROVISIONING.id(), j.startUs(),
                        provisionedUntil, null, j.source()));
            }
        } else {
            checkClocks(j, ts);
            for (int i = 0; i < ts.size(); i++) {
                TrainerAttempt t = ts.get(i);
                boolean lastOfJob = i == ts.size() - 1;
                long s = i == 0 ? j.startUs() : Math.max(t.startUs(), j.startUs());
                long e = lastOfJob && end != Times.UNKNOWN ? end
                        : end == Times.UNKNOWN ? t.endUs() : Math.min(t.endUs(), end);
                EndReason reason = lastOfJob && j.state().ended() ? j.state().endReason() : t.reason();
                String why = i == 0 ? head + "; " + t.why() : t.why() + " (inside scheduler job " + j.id() + ")";
                outs.add(new Out(s, Math.max(s, e), reason, allocated, inUse, j.nodes(),
                        i == 0 ? j.source() : t.source(), why));
            }
            long firstActivity = ts.get(0).startUs();
            long provisionedUntil = end == Times.UNKNOWN ? firstActivity : Math.min(firstActivity, end);
            if (provisionedUntil > j.startUs()) {
                run.phase(new Phase(PhaseKind.PROVISIONING, PhaseKind.PROVISIONING.id(), j.startUs(),
                        provisionedUntil, null, j.source()));
            }
        }
        if (j.pods().isEmpty() && j.state().endReason() == EndReason.FAULT && end != Times.UNKNOWN) {
            endFault(end, message(j), j.nodes(), j.state(), j.startUs(), j.source(), ts);
        }
    }

    /**
     * The unplanned ends of the kept jobs' pods' runs, each once (a run that went on into the next attempt is a
     * member of both): each is a fault at its end, on its node.
     */
    private void podEnds(List<SchedulerJobs.Job> kept, List<TrainerAttempt> trainer) {
        java.util.Set<TrainerEvent.SchedulerJob> seen = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        for (SchedulerJobs.Job j : kept) {
            for (TrainerEvent.SchedulerJob r : j.pods()) {
                if (seen.add(r) && r.state().endReason() == EndReason.FAULT && r.endUs() != Times.UNKNOWN) {
                    endFault(r.endUs(), podMessage(r), r.nodes(), r.state(), r.startUs(), r.source(), trainer);
                }
            }
        }
    }

    /**
     * A job's unplanned end as a fault at its end, on its nodes, classified by the rule set (docs/fault-causes.md:
     * {@code NODE_FAIL}, {@code OOMKilled} …); a message no rule matches takes the state's own cause
     * ({@link SchedulerState#faultCause()}), else stays {@code unattributed_downtime} ({@code FAILED} says only that
     * the job failed: a root in the logs says why). Left out when another source already has it: the same fact
     * counts once, the other source's record (slurmstepd's banner, a Kubernetes event) being the root.
     */
    private void endFault(long end, String message, List<String> nodes, SchedulerState state, long startUs,
                          Source source, List<TrainerAttempt> ts) {
        FaultClassifier.Classification c = FaultClassifier.bundled().find(message);
        String cause = c != null ? c.cause() : state.faultCause() != null ? state.faultCause()
                : CauseCatalog.UNATTRIBUTED_DOWNTIME.id();
        FaultEvent fault = new FaultEvent(end, cause, message, nodes.isEmpty() ? null : String.join(",", nodes), -1,
                c != null ? c.layer() : Layer.INFRA, source, c != null ? c.rule() : null);
        if (!alreadyLogged(fault, startUs, nodes, ts)) {
            run.fault(fault);
        }
    }

    /**
     * Whether another source has the job's fault already (slurmstepd's {@code DUE TO NODE FAILURE} banner for a
     * NODE_FAIL, a node's {@code OOMKilling} event for an OOMKilled pod): the same cause, from the job's start to
     * its end (and the time a killed job's processes still write), on its nodes or on no node named. A failure of
     * unknown cause is always added: it is the scheduler's own record of the failure, for the root-and-cascade rule.
     */
    private boolean alreadyLogged(FaultEvent fault, long startUs, List<String> nodes, List<TrainerAttempt> ts) {
        if (fault.cause().equals(CauseCatalog.UNATTRIBUTED_DOWNTIME.id())) {
            return false;
        }
        List<FaultEvent> others = new ArrayList<>(sideFaults);
        ts.forEach(t -> others.addAll(t.faults()));
        for (FaultEvent f : others) {
            if (f.cause().equals(fault.cause()) && f.timeUs() >= startUs
                    && f.timeUs() <= fault.timeUs() + END_TOLERANCE_US && f.onAnyOf(nodes)) {
                return true;
            }
        }
        return false;
    }

    /** "kubernetes: pod llama-ft-worker-0 OOMKilled, exit 137, on gpu-node-a": the pod's reason as it gave it. */
    static String podMessage(TrainerEvent.SchedulerJob r) {
        StringBuilder m = new StringBuilder("kubernetes: pod ").append(r.jobId()).append(' ')
                .append(r.reason() != null ? r.reason() : r.state().name().toLowerCase(Locale.ROOT));
        if (r.exitCode() != null) {
            m.append(", exit ").append(r.exitCode());
        }
        if (!r.nodes().isEmpty()) {
            m.append(", on ").append(String.join(",", r.nodes()));
        }
        return m.toString();
    }

    /** "slurm: job 1001 FAILED, exit 1:0, step 1001.0 FAILED on node[01-02]". */
    static String message(SchedulerJobs.Job j) {
        StringBuilder m = new StringBuilder("slurm: job ").append(j.id()).append(' ').append(j.stateText());
        if (j.exitCode() != null) {
            m.append(", exit ").append(j.exitCode());
        }
        TrainerEvent.SchedulerJob step = failingStep(j);
        List<String> nodes = j.nodes();
        if (step != null) {
            m.append(", step ").append(step.jobId()).append('.').append(step.stepId()).append(' ')
                    .append(step.reason() == null ? step.state().name() : step.state().name() + " " + step.reason());
            if (step.exitCode() != null && !step.exitCode().equals(j.exitCode())) {
                m.append(" (exit ").append(step.exitCode()).append(')');
            }
            nodes = step.nodes().isEmpty() ? nodes : step.nodes();
        }
        if (!nodes.isEmpty()) {
            m.append(" on ").append(SlurmHostlist.compress(nodes));
        }
        return m.toString();
    }

    /**
     * The step that says most about the failure: the first whose own state is a failure, else the first that did
     * not complete; a numbered step before the batch script, the {@code extern} step (the allocation's own) last.
     */
    private static TrainerEvent.SchedulerJob failingStep(SchedulerJobs.Job j) {
        TrainerEvent.SchedulerJob best = null;
        int bestRank = Integer.MAX_VALUE;
        for (TrainerEvent.SchedulerJob s : j.steps()) {
            if (s.state() == SchedulerState.COMPLETED) {
                continue;
            }
            int rank = (s.state().endReason() == EndReason.FAULT ? 0 : 3)
                    + (s.stepId().equals("extern") ? 2 : s.stepId().equals("batch") ? 1 : 0);
            if (rank < bestRank) {
                best = s;
                bestRank = rank;
            }
        }
        return best;
    }

    /** A trainer attempt's activity outside its job: a warning with the offset that would fix the file's clock. */
    private void checkClocks(SchedulerJobs.Job j, List<TrainerAttempt> ts) {
        TrainerAttempt first = ts.get(0);
        if (first.startUs() < j.startUs() - START_TOLERANCE_US) {
            long off = j.startUs() - first.startUs();
            clockWarning(first.source(), "starts " + RunStitcher.human(off) + " before job " + j.id() + " started",
                    j, off);
            return;
        }
        TrainerAttempt last = ts.get(ts.size() - 1);
        long end = j.knownEndUs();
        if (end != Times.UNKNOWN && last.endUs() > end + END_TOLERANCE_US) {
            long off = end - last.endUs();
            clockWarning(last.endSource(), "ends " + RunStitcher.human(-off) + " after job " + j.id() + " ended", j,
                    off);
        }
    }

    private void clockWarning(Source at, String what, SchedulerJobs.Job j, long offsetUs) {
        // The option names the file as it was given, so that it can be pasted.
        run.problem(Problem.warning(at, RunStitcher.fileName(at.file()) + " " + what + " ("
                + RunStitcher.where(j.source()) + "); if the clocks differ, --clock-offset " + at.file() + "="
                + seconds(offsetUs + givenOffset.applyAsLong(at.file())) + " fixes it"));
    }

    /** Whole seconds when whole ("63"), else to the millisecond ("-1.5"). */
    private static String seconds(long us) {
        if (us % 1_000_000L == 0) {
            return Long.toString(us / 1_000_000L);
        }
        return String.format(Locale.ROOT, "%.3f", us / 1e6).replaceAll("0+$", "");
    }
}
