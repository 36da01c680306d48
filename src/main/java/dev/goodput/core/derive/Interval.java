package dev.goodput.core.derive;

import dev.goodput.core.model.Source;

/**
 * One piece of the window's partition: [startUs, endUs) in one state.
 *
 * @param acceleratorsInUse accelerators the state applies to; the rest of the allocation is idle
 *                          (counted as {@code idle_accelerators}). Equal to the capacity outside attempts.
 * @param source            the input record that decided the state
 */
public record Interval(long startUs, long endUs, IntervalState state, int acceleratorsInUse, Source source) {
    public long durationUs() {
        return endUs - startUs;
    }

    public boolean productive() {
        return state instanceof IntervalState.Productive;
    }
}
