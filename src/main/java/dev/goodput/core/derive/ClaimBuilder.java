package dev.goodput.core.derive;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;

import java.util.ArrayList;
import java.util.List;

/** Turns the run's facts into claims on time, each with its rank (see {@link ClaimRank}). */
final class ClaimBuilder {
    private static final Object PRODUCTIVE_STEPS = new Object();
    private static final Object WASTED_STEPS = new Object();
    private static final IntervalState WASTED = new IntervalState.Lost(CauseCatalog.WASTED_PROGRESS);

    private final List<Claim> claims = new ArrayList<>();
    private final List<ResolvedAttempt> attempts;
    private final int capacity;
    private final List<Problem> problems;
    private boolean modelLayerWarned;

    private ClaimBuilder(List<ResolvedAttempt> attempts, int capacity, List<Problem> problems) {
        this.attempts = attempts;
        this.capacity = capacity;
        this.problems = problems;
    }

    static List<Claim> build(Run run, List<ResolvedAttempt> attempts, StepPlan plan, Window w, int capacity,
                             boolean evalProductive, List<Problem> problems) {
        ClaimBuilder b = new ClaimBuilder(attempts, capacity, problems);
        b.add(w.startUs(), w.endUs(), ClaimRank.WINDOW_BASE, lost(CauseCatalog.UNATTRIBUTED_DOWNTIME), null,
                Source.DERIVED, null);
        b.gaps(w);
        for (Downtime d : run.downtimes()) {
            Cause c = Cause.of(d.cause() != null ? d.cause() : d.kind().id(), Layer.INFRA);
            b.add(d.startUs(), d.endUs(), ClaimRank.DOWNTIME, lost(c), null, d.source(), null);
        }
        b.attempts(run.steps(), plan);
        b.steps(run.steps(), plan);
        for (Phase p : run.phases()) {
            IntervalState state = p.kind() == PhaseKind.EVALUATION && evalProductive ? IntervalState.PRODUCTIVE
                    : b.lostInTime(CauseCatalog.forPhase(p), p.source());
            b.add(p.startUs(), p.endUs(), rankOf(p.kind()), state, b.attemptAt(p.startUs()), p.source(), null);
        }
        for (Checkpoint c : run.checkpoints()) {
            if (c.blockingUs() > 0) {
                b.add(c.timeUs(), c.timeUs() + c.blockingUs(), ClaimRank.CHECKPOINT_SAVE,
                        lost(CauseCatalog.CHECKPOINT_SAVE), b.attemptAt(c.timeUs()), c.source(), null);
            }
        }
        return b.claims;
    }

    /** Time between attempts goes to what ended the previous one: its root fault, or its planned end's cause. */
    private void gaps(Window w) {
        for (int i = 0; i < attempts.size(); i++) {
            ResolvedAttempt a = attempts.get(i);
            long gapEnd = i + 1 < attempts.size() ? attempts.get(i + 1).startUs() : w.endUs();
            if (gapEnd > a.endUs()) {
                Source src = a.root() != null ? a.root().source() : a.source();
                add(a.endUs(), gapEnd, ClaimRank.GAP, lostInTime(endCause(a), src), null, src, null);
            }
        }
    }

    private void attempts(StepTable s, StepPlan plan) {
        int[] first = new int[attempts.size()];
        int[] last = new int[attempts.size()];
        java.util.Arrays.fill(first, -1);
        java.util.Arrays.fill(last, -1);
        for (int i = 0; i < s.size(); i++) {
            int a = plan.attempt[i];
            if (a >= 0) {
                if (first[a] < 0) {
                    first[a] = i;
                }
                last[a] = i;
            }
        }
        for (ResolvedAttempt a : attempts) {
            int idx = a.index();
            add(a.startUs(), a.endUs(), ClaimRank.ATTEMPT_BASE, lost(CauseCatalog.UNTRACKED), a, a.source(), null);
            long firstStep = first[idx] >= 0 ? s.startUs(first[idx]) : a.endUs();
            add(a.startUs(), firstStep, ClaimRank.ATTEMPT_EDGE, lost(CauseCatalog.PROGRAM_STARTUP), a, a.source(),
                    null);
            if (last[idx] >= 0) {
                Cause tail = a.disrupted() ? endCause(a) : CauseCatalog.SHUTDOWN;
                // Time lost to a fault is decided by the root fault's record, so hover and attribution rules
                // (which match the deciding record's message) see the fault, not the job start.
                Source decidedBy = a.disrupted() && a.root() != null ? a.root().source() : a.source();
                add(plan.end[last[idx]], a.endUs(), ClaimRank.ATTEMPT_EDGE, lostInTime(tail, decidedBy), a,
                        decidedBy, null);
            }
            FaultEvent root = a.root();
            // From the detection time (the root, or the end of the progress made after it) to the attempt's end.
            if (root != null && a.detectionUs() >= a.startUs() && a.detectionUs() < a.endUs()) {
                add(a.detectionUs(), a.endUs(), ClaimRank.POST_FAULT, lostInTime(endCause(a), root.source()), a,
                        root.source(), null);
            }
        }
    }

    /**
     * One claim per run of steps that touch end to start (same attempt, all kept or all wasted), which the sweep
     * would merge into one interval anyway ({@link StepRun}): a million steps make a few claims, not a million.
     */
    private void steps(StepTable s, StepPlan plan) {
        int first = -1; // the run being collected: rows first..i-1
        long runStart = 0;
        long runEnd = 0;
        for (int i = 0; i < s.size(); i++) {
            int a = plan.attempt[i];
            long start = s.startUs(i);
            long end = plan.end[i];
            boolean claims = a >= 0 && end > start;
            if (first >= 0 && !(claims && a == plan.attempt[first] && plan.kept[i] == plan.kept[first]
                    && start == runEnd)) {
                stepRun(s, plan, first, i - 1, runStart, runEnd);
                first = -1;
            }
            if (a < 0) {
                continue;
            }
            if (claims) {
                if (first < 0) {
                    first = i;
                    runStart = start;
                }
                runEnd = end;
            }
            // The first step after a start also compiles and warms up: its excess over a typical step is startup.
            long excess = (end - start) - plan.typicalUs;
            if (plan.ordinal[i] == 0 && plan.complete[i] && plan.typicalUs > 0 && excess > 0) {
                add(start, start + excess, ClaimRank.PROGRAM_STARTUP, lost(CauseCatalog.PROGRAM_STARTUP),
                        attempts.get(a), s.source(i), null);
            }
        }
        if (first >= 0) {
            stepRun(s, plan, first, s.size() - 1, runStart, runEnd);
        }
    }

    private void stepRun(StepTable s, StepPlan plan, int first, int last, long start, long end) {
        ResolvedAttempt on = attempts.get(plan.attempt[first]);
        boolean kept = plan.kept[first];
        claims.add(new Claim(start, end, ClaimRank.STEP, kept ? IntervalState.PRODUCTIVE : WASTED, on.inUse(),
                on.hotSpares(), s.source(first), kept ? PRODUCTIVE_STEPS : WASTED_STEPS, claims.size(),
                first == last ? null : new StepRun(s, first, last)));
    }

    /** What the end of {@code a} is charged to: its root fault's cause, its planned end's, else unattributed. */
    static Cause endCause(ResolvedAttempt a) {
        FaultEvent f = a.root();
        if (f != null) {
            return Cause.of(f.cause(), f.costLayer());
        }
        return plannedCause(a.endReason());
    }

    /** The cause of a planned end; {@code unattributed_downtime} for any other end. */
    static Cause plannedCause(EndReason reason) {
        return switch (reason) {
            case TIME_LIMIT -> CauseCatalog.TIME_LIMIT;
            case CANCELLED -> CauseCatalog.USER_CANCEL;
            case PREEMPTED -> CauseCatalog.PREEMPTION;
            case RESTART -> CauseCatalog.PLANNED_RESTART;
            default -> CauseCatalog.UNATTRIBUTED_DOWNTIME;
        };
    }

    /** The attempt running at {@code t}, or null (attempts are sorted and disjoint). */
    private ResolvedAttempt attemptAt(long t) {
        int lo = 0;
        int hi = attempts.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (attempts.get(mid).startUs() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && t < attempts.get(found).endUs() ? attempts.get(found) : null;
    }

    private static ClaimRank rankOf(PhaseKind kind) {
        return switch (kind) {
            case PROVISIONING -> ClaimRank.PROVISIONING;
            case TRAINING_PREP -> ClaimRank.TRAINING_PREP;
            case PROGRAM_STARTUP -> ClaimRank.PROGRAM_STARTUP;
            case DATA_LOADING -> ClaimRank.DATA_LOADING;
            case CHECKPOINT_SAVE -> ClaimRank.CHECKPOINT_SAVE;
            case CHECKPOINT_RESTORE -> ClaimRank.CHECKPOINT_RESTORE;
            case EVALUATION -> ClaimRank.EVALUATION;
            case CUSTOM -> ClaimRank.CUSTOM_PHASE;
        };
    }

    /**
     * Time is lost to infra or framework; the model layer is MFU, measured on productive time. A phase or
     * fault that names the model layer is counted in the framework layer, with a warning.
     */
    private IntervalState lostInTime(Cause c, Source src) {
        if (c.layer() != Layer.MODEL) {
            return lost(c);
        }
        if (!modelLayerWarned) {
            modelLayerWarned = true;
            problems.add(Problem.warning(src, "\"" + c.id() + "\" names the model layer, but time is lost only to "
                    + "infra or framework (the model layer is MFU): counted as framework"));
        }
        return lost(new Cause(c.id(), c.label(), Layer.FRAMEWORK));
    }

    private static IntervalState lost(Cause c) {
        return new IntervalState.Lost(c);
    }

    /**
     * @param on the attempt running, whose accelerators in use and hot spares the claim counts; null between
     *           attempts, where all the run's accelerators are down
     */
    private void add(long start, long end, ClaimRank rank, IntervalState state, ResolvedAttempt on, Source src,
                     Object group) {
        if (end > start) {
            claims.add(new Claim(start, end, rank, state, on == null ? capacity : on.inUse(),
                    on == null ? 0 : on.hotSpares(), src, group, claims.size()));
        }
    }
}
