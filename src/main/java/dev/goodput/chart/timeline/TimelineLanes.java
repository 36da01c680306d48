package dev.goodput.chart.timeline;

import dev.goodput.core.attribution.AttributedPartition;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.ResolvedAttempt;
import dev.goodput.core.model.Checkpoint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a timeline frame draws, prepared once per derivation: the state-bin pyramid, the attempts and checkpoints as
 * sorted time arrays, the faults with their colours and links ({@link FaultLane}), the step-time maxima (null
 * when the run logs no steps) and the accelerators in use (null for synthetic lanes).
 */
public record TimelineLanes(StateColumns states, StateCategories categories, long[] attemptStart, long[] attemptEnd,
                            boolean[] attemptDisrupted, FaultLane faults, long[] checkpoints, StepTimeColumns stepTimes,
                            long dataStart, long dataEnd, AcceleratorColumns accelerators) {

    /** Lanes whose faults are bare times (benchmarks, synthetic runs): each drawn as a root. */
    public TimelineLanes(StateColumns states, StateCategories categories, long[] attemptStart, long[] attemptEnd,
                         boolean[] attemptDisrupted, long[] faults, long[] checkpoints, StepTimeColumns stepTimes,
                         long dataStart, long dataEnd) {
        this(states, categories, attemptStart, attemptEnd, attemptDisrupted, FaultLane.filled(faults), checkpoints,
                stepTimes, dataStart, dataEnd, null);
    }

    /** The lanes built last, for the derivation they were built from (the one about to be shown). */
    private static final AtomicReference<Built> LAST = new AtomicReference<>();

    private record Built(Derivation derivation, TimelineLanes lanes) {
    }

    /**
     * Builds the lanes of {@code d} now, on the calling (background) thread, so that the view's {@link #of}
     * on the FX thread finds them ready: the pyramids take 60–100 ms for a million intervals, a visible stall.
     */
    public static TimelineLanes prepare(Derivation d) {
        return of(d);
    }

    /** The lanes of {@code d}: those {@link #prepare}d for it, or built now. */
    public static TimelineLanes of(Derivation d) {
        Built last = LAST.get();
        if (last != null && last.derivation() == d) {
            return last.lanes();
        }
        TimelineLanes lanes = last != null && sameRunAndWindow(last.derivation(), d)
                ? last.lanes().restated(last.derivation(), d) : build(d);
        LAST.set(new Built(d, lanes));
        return lanes;
    }

    /**
     * An attribution edit re-derives the same run over the same window: only the states change. The attempts,
     * faults, checkpoints and step times (most of the build for a run of a million steps) are kept.
     */
    private static boolean sameRunAndWindow(Derivation a, Derivation b) {
        return a.run() == b.run() && a.window().equals(b.window()) && a.attempts().equals(b.attempts())
                && a.report().steps().equals(b.report().steps());
    }

    /**
     * The lanes of {@code d}, an edit of {@code was} (these lanes'): when both are versions of one attribution, the
     * state columns follow the edit's footprint (the intervals that differ) instead of being built again.
     */
    private TimelineLanes restated(Derivation was, Derivation d) {
        StateCategories c = StateCategories.of(d);
        Optional<List<AttributedPartition.Difference>> diff = AttributedPartition.differences(was.intervals(),
                d.intervals());
        StateColumns s = diff.isPresent() && states.followsEdits() ? states.patched(d, c, diff.get())
                : StateColumns.of(d, c);
        return new TimelineLanes(s, c, attemptStart, attemptEnd, attemptDisrupted, faults.recoloured(c), checkpoints,
                stepTimes, dataStart, dataEnd, accelerators);
    }

    /**
     * These lanes with the faults of {@code d} linked as the analyst's {@code roles} say (each overriding the
     * derivation's link of its fault); these very lanes when there are none and none were drawn.
     */
    public TimelineLanes withRoles(Derivation d, Collection<FaultRole> roles) {
        if (roles.isEmpty() && (faults.links() == null || !faults.links().byAnalyst())) {
            return this;
        }
        return new TimelineLanes(states, categories, attemptStart, attemptEnd, attemptDisrupted,
                FaultLane.of(FaultLinks.of(d, roles), categories), checkpoints, stepTimes, dataStart, dataEnd,
                accelerators);
    }

    private static TimelineLanes build(Derivation d) {
        StateCategories c = StateCategories.of(d);
        List<ResolvedAttempt> a = d.attempts();
        long[] as = new long[a.size()];
        long[] ae = new long[a.size()];
        boolean[] dis = new boolean[a.size()];
        for (int i = 0; i < a.size(); i++) {
            as[i] = a.get(i).startUs();
            ae[i] = a.get(i).endUs();
            dis[i] = a.get(i).disrupted();
        }
        FaultLane f = FaultLane.of(FaultLinks.of(d), c);
        long[] k = d.run().checkpoints().stream().mapToLong(Checkpoint::timeUs).sorted().toArray();
        return new TimelineLanes(StateColumns.of(d, c), c, as, ae, dis, f, k, StepTimeColumns.of(d),
                d.window().startUs(), d.window().endUs(), AcceleratorColumns.of(d));
    }

    /** Whether the run leaves part of its allocation out of use (hot spares, idle accelerators) somewhere. */
    public boolean partialAllocation() {
        return accelerators != null && accelerators.partial();
    }
}
