package dev.goodput.core.derive;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides when the job was up: the logged attempts, plus restarts the log did not record as a job start
 * (a step number that repeats or goes back), each with a known end and, when it failed, the faults linked to the
 * failure ({@link FaultLinker}).
 */
final class AttemptResolver {
    /** The attempts and, per step row, the index of the attempt that ran it (-1: none). */
    record Result(List<ResolvedAttempt> attempts, int[] stepAttempt, List<Problem> problems) {
    }

    private AttemptResolver() {
    }

    static Result resolve(Run run, int capacity) {
        List<Problem> problems = new ArrayList<>();
        ActivityIndex index = new ActivityIndex(run);
        List<JobAttempt> logged = new ArrayList<>(run.attempts());
        if (logged.isEmpty()) {
            // Logged downtime and faults say when the job was *not* running: only activity bounds the attempt.
            long first = index.firstActivity();
            if (first == Times.UNKNOWN) {
                return new Result(List.of(), new int[0], problems);
            }
            logged.add(new JobAttempt(first, index.lastActivity(), EndReason.UNKNOWN, 0, 0, true, Source.DERIVED));
            problems.add(Problem.warning(Source.DERIVED, "no job_start in the input: the run is treated as one "
                    + "attempt from its first to its last activity, with restarts inferred from repeated step numbers"));
        }
        List<JobAttempt> withEnds = fillEnds(index, logged);
        List<JobAttempt> split = splitAtStepRollbacks(run, index, withEnds, problems);
        return finish(run, index, split, capacity, problems);
    }

    /** An attempt with no logged end ended at its last activity before the next start. */
    private static List<JobAttempt> fillEnds(ActivityIndex index, List<JobAttempt> attempts) {
        List<JobAttempt> out = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            JobAttempt a = attempts.get(i);
            long next = i + 1 < attempts.size() ? attempts.get(i + 1).startUs() : Long.MAX_VALUE;
            if (a.hasEnd()) {
                long end = Math.min(a.endUs(), next);
                out.add(end == a.endUs() ? a : a.withEnd(end, a.endReason()));
            } else {
                out.add(a.withEnd(index.lastActivity(a.startUs(), next), EndReason.UNKNOWN));
            }
        }
        return out;
    }

    /**
     * A step number that repeats or goes back inside one attempt means the job restarted without logging
     * it: the attempt is split there.
     */
    private static List<JobAttempt> splitAtStepRollbacks(Run run, ActivityIndex index, List<JobAttempt> attempts,
                                                         List<Problem> problems) {
        StepTable s = run.steps();
        List<JobAttempt> out = new ArrayList<>();
        for (JobAttempt a : attempts) {
            JobAttempt current = a;
            int i = s.firstStartingAtOrAfter(a.startUs());
            int prev = -1;
            for (; i < s.size() && s.startUs(i) < current.endUs(); i++) {
                if (prev >= 0 && s.number(i) <= s.number(prev)) {
                    long prevEnd = Times.known(s.endUs(prev)) ? Math.max(s.startUs(prev), s.endUs(prev))
                            : s.startUs(prev);
                    prevEnd = Math.min(prevEnd, s.startUs(i));
                    long restartAt = restartStart(index, prevEnd, s.startUs(i));
                    problems.add(Problem.warning(s.source(i), "step " + s.number(i) + " follows step "
                            + s.number(prev) + " with no job_start between: treated as a restart"));
                    out.add(new JobAttempt(current.startUs(), prevEnd, EndReason.UNKNOWN, current.allocated(),
                            current.inUse(), current.inferred(), current.source(), current.why(),
                            current.hotSpares(), null, current.nodes()));
                    current = new JobAttempt(restartAt, current.endUs(), current.endReason(), current.allocated(),
                            current.inUse(), true, s.source(i), null, current.hotSpares(), current.endSource(),
                            current.nodes());
                }
                prev = i;
            }
            out.add(current);
        }
        return out;
    }

    /**
     * A restart begins at its first step, or earlier at a provisioning, prep, startup or restore phase logged
     * before it, but never before the last fault since the previous attempt's activity: what came before the
     * crash belongs to the old attempt.
     */
    private static long restartStart(ActivityIndex index, long after, long firstStep) {
        long from = index.lastFaultTime(after, firstStep);
        long start = firstStep;
        List<Phase> phases = index.phases();
        for (int i = index.phaseFrom(from); i < phases.size() && phases.get(i).startUs() < firstStep; i++) {
            Phase p = phases.get(i);
            boolean startup = p.kind() == PhaseKind.PROVISIONING || p.kind() == PhaseKind.TRAINING_PREP
                    || p.kind() == PhaseKind.PROGRAM_STARTUP || p.kind() == PhaseKind.CHECKPOINT_RESTORE;
            if (startup && p.startUs() >= from) {
                start = Math.min(start, p.startUs());
            }
        }
        return start;
    }

    private static Result finish(Run run, ActivityIndex index, List<JobAttempt> attempts, int capacity,
                                 List<Problem> problems) {
        int n = attempts.size();
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = attempts.get(i).startUs();
            ends[i] = Math.max(starts[i], attempts.get(i).endUs());
        }
        StepTable s = run.steps();
        // Steps first: a failure's linking window reaches back to the job's last progress.
        int[] stepAttempt = assignSteps(s, starts, ends, problems);
        int[] lastRow = new int[n];
        Arrays.fill(lastRow, -1);
        for (int row = 0; row < stepAttempt.length; row++) {
            if (stepAttempt[row] >= 0) {
                lastRow[stepAttempt[row]] = row;
            }
        }
        FaultLinker linker = new FaultLinker(run.faults());
        List<ResolvedAttempt> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JobAttempt a = attempts.get(i);
            long nextStart = i + 1 < n ? starts[i + 1] : Long.MAX_VALUE;
            EndReason reason = a.endReason();
            long progressEnd = progressEnd(s, lastRow[i], starts[i], ends[i]);
            FaultLinker.Links links = FaultLinker.Links.NONE;
            if (reason.isDisruption()) {
                // A logged end says when the job failed: its faults reach 5 minutes past it. An end nobody logged
                // is only the last activity; the faults up to the next start say how it ended.
                long to = reason == EndReason.UNKNOWN ? nextStart
                        : Math.min(nextStart, FaultLinker.saturatingAdd(ends[i], FaultLinker.AFTER_US + 1));
                boolean last = i == n - 1;
                // The last attempt with no logged end may be running still: it failed only if a fault followed
                // its last progress.
                if (!last || reason != EndReason.UNKNOWN || linker.anyFrom(progressEnd, starts[i], to, a.nodes())) {
                    links = linker.link(starts[i], to, ends[i], progressEnd, a.nodes());
                }
            }
            FaultEvent root = links.root();
            if (root != null && reason == EndReason.UNKNOWN) {
                reason = EndReason.FAULT;
            }
            // The last attempt with no logged end may simply be running still: not a disruption.
            if (reason == EndReason.UNKNOWN && i == n - 1 && root == null) {
                reason = EndReason.COMPLETED;
                if (!a.inferred()) {
                    problems.add(Problem.warning(a.source(), "the last job attempt has no job_end; it is taken to "
                            + "end at its last event"));
                }
            }
            long detection = root == null ? ends[i] : Math.max(root.timeUs(), progressEnd);
            Allocation alloc = allocation(a, capacity, problems);
            out.add(new ResolvedAttempt(i, starts[i], ends[i], reason, alloc.allocated, alloc.inUse, alloc.spares,
                    a.inferred(), root, links.cascades(), detection, a.source(), a.endSource()));
        }
        return new Result(out, stepAttempt, problems);
    }

    /**
     * Where the job's progress stopped: the start of the attempt's last step when it was in flight (no logged
     * end), else that step's end; the attempt's start when it ran no step.
     */
    private static long progressEnd(StepTable s, int row, long start, long end) {
        if (row < 0) {
            return start;
        }
        long stepStart = s.startUs(row);
        return Times.known(s.endUs(row)) ? Math.min(Math.max(s.endUs(row), stepStart), Math.max(end, stepStart))
                : stepStart;
    }

    private record Allocation(int allocated, int inUse, int spares) {
    }

    /**
     * Accelerators allocated (default: the run's), in use (default: allocated less the hot spares) and held in
     * reserve; counts that cannot hold together are capped, with a warning.
     */
    private static Allocation allocation(JobAttempt a, int capacity, List<Problem> problems) {
        int allocated = a.allocated() > 0 ? a.allocated() : capacity;
        int spares = a.hotSpares();
        int inUse = a.inUse() > 0 ? a.inUse() : allocated - spares;
        if (inUse <= 0) {
            problems.add(Problem.warning(a.source(), "attempt holds " + spares + " hot spares of " + allocated
                    + " allocated accelerators, leaving none to train; the spares are ignored"));
            spares = 0;
            inUse = allocated;
        }
        if (inUse > capacity) {
            problems.add(Problem.warning(a.source(), "attempt uses " + inUse + " accelerators, more than the "
                    + "run's " + capacity + "; capped"));
            inUse = capacity;
        }
        int free = Math.max(0, Math.min(allocated, capacity) - inUse);
        if (spares > free) {
            problems.add(Problem.warning(a.source(), "attempt holds " + spares + " hot spares, more than the "
                    + free + " allocated accelerators not in use; capped"));
            spares = free;
        }
        return new Allocation(allocated, inUse, spares);
    }

    private static int[] assignSteps(StepTable s, long[] starts, long[] ends, List<Problem> problems) {
        int[] of = new int[s.size()];
        Arrays.fill(of, -1);
        int a = -1;
        int outside = 0;
        for (int i = 0; i < s.size(); i++) {
            long t = s.startUs(i);
            // The attempt with the latest start at or before t; a step starting right at its end still
            // belongs to it (the step in flight when the job died).
            while (a + 1 < starts.length && starts[a + 1] <= t) {
                a++;
            }
            if (a >= 0 && t <= ends[a]) {
                of[i] = a;
            } else {
                outside++;
                if (outside == 1) {
                    problems.add(Problem.warning(s.source(i), "step " + s.number(i)
                            + " lies outside every job attempt; such steps are not counted"));
                }
            }
        }
        if (outside > 1) {
            problems.add(Problem.warning(Source.DERIVED, outside + " steps lie outside every job attempt"));
        }
        return of;
    }
}
