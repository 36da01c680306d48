package dev.goodput.core.derive;

import dev.goodput.core.model.Checkpoint;
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
 * (a step number that repeats or goes back), each with a known end and the fault that ended it.
 */
final class AttemptResolver {
    /** The attempts and, per step row, the index of the attempt that ran it (-1: none). */
    record Result(List<ResolvedAttempt> attempts, int[] stepAttempt, List<Problem> problems) {
    }

    private AttemptResolver() {
    }

    static Result resolve(Run run, int capacity) {
        List<Problem> problems = new ArrayList<>();
        List<JobAttempt> logged = new ArrayList<>(run.attempts());
        if (logged.isEmpty()) {
            long first = run.firstEventUs();
            if (first == Times.UNKNOWN) {
                return new Result(List.of(), new int[0], problems);
            }
            logged.add(new JobAttempt(first, run.lastEventUs(), EndReason.COMPLETED, 0, 0, true, Source.DERIVED));
            problems.add(Problem.warning(Source.DERIVED, "no job_start in the input: the run is treated as one "
                    + "attempt from its first to its last event, with restarts inferred from repeated step numbers"));
        }
        List<JobAttempt> withEnds = fillEnds(run, logged);
        List<JobAttempt> split = splitAtStepRollbacks(run, withEnds, problems);
        return finish(run, split, capacity, problems);
    }

    /** An attempt with no logged end ended at its last activity before the next start. */
    private static List<JobAttempt> fillEnds(Run run, List<JobAttempt> attempts) {
        List<JobAttempt> out = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            JobAttempt a = attempts.get(i);
            long next = i + 1 < attempts.size() ? attempts.get(i + 1).startUs() : Long.MAX_VALUE;
            if (a.hasEnd()) {
                long end = Math.min(a.endUs(), next);
                out.add(end == a.endUs() ? a : a.withEnd(end, a.endReason()));
            } else {
                out.add(a.withEnd(lastActivity(run, a.startUs(), next), EndReason.UNKNOWN));
            }
        }
        return out;
    }

    /** Latest time a step, phase or checkpoint that started in [from, to) reached (faults excluded). */
    private static long lastActivity(Run run, long from, long to) {
        long last = from;
        StepTable s = run.steps();
        int i = lowerBound(s, from);
        for (; i < s.size() && s.startUs(i) < to; i++) {
            last = Math.max(last, Math.min(to, Math.max(s.startUs(i), s.endUs(i))));
        }
        for (Phase p : run.phases()) {
            if (p.startUs() >= from && p.startUs() < to) {
                last = Math.max(last, Math.min(to, p.endUs()));
            }
        }
        for (Checkpoint c : run.checkpoints()) {
            if (c.timeUs() >= from && c.timeUs() < to) {
                last = Math.max(last, Math.min(to, c.timeUs() + c.blockingUs()));
            }
        }
        return last;
    }

    /**
     * A step number that repeats or goes back inside one attempt means the job restarted without logging
     * it: the attempt is split there.
     */
    private static List<JobAttempt> splitAtStepRollbacks(Run run, List<JobAttempt> attempts, List<Problem> problems) {
        StepTable s = run.steps();
        List<JobAttempt> out = new ArrayList<>();
        for (JobAttempt a : attempts) {
            JobAttempt current = a;
            int i = lowerBound(s, a.startUs());
            int prev = -1;
            for (; i < s.size() && s.startUs(i) < current.endUs(); i++) {
                if (prev >= 0 && s.number(i) <= s.number(prev)) {
                    long prevEnd = Times.known(s.endUs(prev)) ? Math.max(s.startUs(prev), s.endUs(prev))
                            : s.startUs(prev);
                    prevEnd = Math.min(prevEnd, s.startUs(i));
                    long restartAt = restartStart(run, prevEnd, s.startUs(i));
                    problems.add(Problem.warning(s.source(i), "step " + s.number(i) + " follows step "
                            + s.number(prev) + " with no job_start between: treated as a restart"));
                    out.add(new JobAttempt(current.startUs(), prevEnd, EndReason.UNKNOWN, current.allocated(),
                            current.inUse(), current.inferred(), current.source()));
                    current = new JobAttempt(restartAt, current.endUs(), current.endReason(), current.allocated(),
                            current.inUse(), true, s.source(i));
                }
                prev = i;
            }
            out.add(current);
        }
        return out;
    }

    /** A restart begins at its first step, or earlier at a startup-kind phase logged just before it. */
    private static long restartStart(Run run, long after, long firstStep) {
        long start = firstStep;
        for (Phase p : run.phases()) {
            boolean startup = p.kind() == PhaseKind.PROVISIONING || p.kind() == PhaseKind.TRAINING_PREP
                    || p.kind() == PhaseKind.PROGRAM_STARTUP || p.kind() == PhaseKind.CHECKPOINT_RESTORE
                    || p.kind() == PhaseKind.DATA_LOADING;
            if (startup && p.startUs() >= after && p.startUs() < start) {
                start = p.startUs();
            }
        }
        return start;
    }

    private static Result finish(Run run, List<JobAttempt> attempts, int capacity, List<Problem> problems) {
        List<ResolvedAttempt> out = new ArrayList<>(attempts.size());
        List<FaultEvent> faults = run.faults();
        for (int i = 0; i < attempts.size(); i++) {
            JobAttempt a = attempts.get(i);
            long nextStart = i + 1 < attempts.size() ? attempts.get(i + 1).startUs() : Long.MAX_VALUE;
            FaultEvent fatal = null;
            if (a.endReason() != EndReason.COMPLETED && a.endReason() != EndReason.CANCELLED) {
                fatal = fatalFault(run, faults, a, nextStart);
            }
            EndReason reason = a.endReason();
            if (fatal != null && reason == EndReason.UNKNOWN) {
                reason = EndReason.FAULT;
            }
            // The last attempt with no logged end may simply be running still: not a disruption.
            if (reason == EndReason.UNKNOWN && i == attempts.size() - 1 && fatal == null) {
                reason = EndReason.COMPLETED;
                if (!a.inferred()) {
                    problems.add(Problem.warning(a.source(), "the last job attempt has no job_end; it is taken to "
                            + "end at its last event"));
                }
            }
            int allocated = a.allocated() > 0 ? a.allocated() : capacity;
            int inUse = a.inUse() > 0 ? a.inUse() : allocated;
            if (inUse > capacity) {
                problems.add(Problem.warning(a.source(), "attempt uses " + inUse + " accelerators, more than the "
                        + "run's " + capacity + "; capped"));
                inUse = capacity;
            }
            out.add(new ResolvedAttempt(i, a.startUs(), Math.max(a.startUs(), a.endUs()), reason, allocated, inUse,
                    a.inferred(), fatal, a.source()));
        }
        return new Result(out, assignSteps(run.steps(), out, problems), problems);
    }

    /** The last fault in the attempt after which it ran no further step, or one logged before the next start. */
    private static FaultEvent fatalFault(Run run, List<FaultEvent> faults, JobAttempt a, long nextStart) {
        StepTable s = run.steps();
        long lastStepStart = Long.MIN_VALUE;
        int i = lowerBound(s, a.startUs());
        for (; i < s.size() && s.startUs(i) < a.endUs(); i++) {
            lastStepStart = s.startUs(i);
        }
        FaultEvent fatal = null;
        for (FaultEvent f : faults) {
            if (f.timeUs() >= a.startUs() && f.timeUs() < nextStart && f.timeUs() >= lastStepStart) {
                if (fatal == null || f.timeUs() < fatal.timeUs()) {
                    fatal = f; // the first fault after the last step is the root; later ones are its cascade
                }
            }
        }
        return fatal;
    }

    private static int[] assignSteps(StepTable s, List<ResolvedAttempt> attempts, List<Problem> problems) {
        int[] of = new int[s.size()];
        Arrays.fill(of, -1);
        int a = -1;
        int outside = 0;
        for (int i = 0; i < s.size(); i++) {
            long t = s.startUs(i);
            // The attempt with the latest start at or before t; a step starting right at its end still
            // belongs to it (the step in flight when the job died).
            while (a + 1 < attempts.size() && attempts.get(a + 1).startUs() <= t) {
                a++;
            }
            if (a >= 0 && t <= attempts.get(a).endUs()) {
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

    static int lowerBound(StepTable s, long t) {
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.startUs(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
