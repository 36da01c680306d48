package dev.goodput.core.derive;

import dev.goodput.core.model.Run;
import dev.goodput.core.report.GoodputReport;

import java.util.List;

/**
 * The result of deriving a run over a window: the partition of the window, the report on it, and the slow steps
 * (kept progress, but their excess over the typical step is a model-layer cost; the timeline marks them).
 */
public record Derivation(Run run, Window window, List<Interval> intervals, List<ResolvedAttempt> attempts,
                         SlowSteps slowSteps, GoodputReport report) {
    public Derivation {
        intervals = intervals instanceof ImmutableIntervals ? intervals : List.copyOf(intervals);
        attempts = List.copyOf(attempts);
    }
}
