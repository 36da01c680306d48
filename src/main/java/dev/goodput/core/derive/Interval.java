package dev.goodput.core.derive;

import dev.goodput.core.model.Source;

/**
 * One piece of the window's partition: [startUs, endUs) in one state.
 *
 * @param acceleratorsInUse accelerators the state applies to; the rest of the allocation is idle
 *                          (counted as {@code idle_accelerators}), but for the hot spares. Equal to the capacity
 *                          outside attempts.
 * @param source            the input record that decided the state
 * @param hotSpares         of the accelerators not in use, those held in reserve ({@code hot_spares})
 */
public record Interval(long startUs, long endUs, IntervalState state, int acceleratorsInUse, Source source,
                       int hotSpares) {
    public Interval(long startUs, long endUs, IntervalState state, int acceleratorsInUse, Source source) {
        this(startUs, endUs, state, acceleratorsInUse, source, 0);
    }

    public long durationUs() {
        return endUs - startUs;
    }

    public boolean productive() {
        return state instanceof IntervalState.Productive;
    }
}
