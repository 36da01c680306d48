package dev.goodput.core.derive;

import dev.goodput.core.model.Source;

/**
 * A fact's claim that [start, end) was in {@code state}. Claims with the same {@code group} merge into
 * one interval where they touch.
 */
record Claim(long start, long end, ClaimRank rank, IntervalState state, int inUse, int hotSpares, Source source,
             Object group, int seq) {
}
