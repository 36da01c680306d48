package dev.goodput.core.derive;

import dev.goodput.core.model.Run;
import dev.goodput.core.report.GoodputReport;

import java.util.List;

/** The result of deriving a run over a window: the partition of the window, and the report on it. */
public record Derivation(Run run, Window window, List<Interval> intervals, List<ResolvedAttempt> attempts,
                         GoodputReport report) {
    public Derivation {
        intervals = List.copyOf(intervals);
        attempts = List.copyOf(attempts);
    }
}
