package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.report.GoodputReport;

import java.util.List;

/**
 * A derivation with an overlay applied: the attributed partition (the base intervals, cut where a tag or
 * rule covers part of one, each piece in its current state and with who assigned it) and the report a
 * full derivation with those causes gives. The imported facts and the base derivation are unchanged.
 */
public record AttributedDerivation(Derivation base, Overlay overlay, List<AttributedInterval> intervals,
                                   GoodputReport report) {
    public AttributedDerivation {
        intervals = intervals instanceof AttributedPartition ? intervals : List.copyOf(intervals);
    }

    /** Applies {@code overlay} to {@code base} in one pass. */
    public static AttributedDerivation of(Derivation base, Overlay overlay) {
        return IncrementalAttribution.of(base, overlay).snapshot();
    }
}
