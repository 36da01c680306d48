package dev.goodput.core.derive;

import dev.goodput.core.model.Source;

/**
 * A fact's claim that [start, end) was in {@code state}. Claims with the same {@code group} merge into
 * one interval where they touch.
 *
 * @param steps for a claim made by consecutive touching steps ({@link StepRun}), the steps, each the source of its
 *              own time; else null, and {@code source} decides all of it
 */
record Claim(long start, long end, ClaimRank rank, IntervalState state, int inUse, int hotSpares, Source source,
             Object group, int seq, StepRun steps) {
    Claim(long start, long end, ClaimRank rank, IntervalState state, int inUse, int hotSpares, Source source,
          Object group, int seq) {
        this(start, end, rank, state, inUse, hotSpares, source, group, seq, null);
    }

    /** The input record that decides the instant {@code t} of the claim. */
    Source sourceAt(long t) {
        return steps == null ? source : steps.sourceAt(t);
    }
}
