package dev.goodput.core.derive;

import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;

/**
 * Rows {@code first..last} of a step table whose steps touch end to start, in one attempt and all kept (or all
 * wasted): one claim instead of one per step. Their intervals would merge anyway; each step stays the source of
 * its own time, so a partition interval starting inside the run names the step it starts in, as before.
 */
record StepRun(StepTable table, int first, int last) {
    /** The step whose time holds {@code t} (the last one starting at or before it). */
    Source sourceAt(long t) {
        int lo = first;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (table.startUs(mid) <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return table.source(lo);
    }
}
