package dev.goodput.core.derive;

import dev.goodput.core.model.Cause;

/** The one state an interval of the window is in: productive training, or time lost to one cause. */
public sealed interface IntervalState permits IntervalState.Productive, IntervalState.Lost {
    Productive PRODUCTIVE = new Productive();

    /** Kept training progress. */
    record Productive() implements IntervalState {
    }

    /** Badput: time lost to {@code cause} (which carries its layer). */
    record Lost(Cause cause) implements IntervalState {
    }
}
