package dev.goodput.core.attribution;

import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;

/**
 * One piece of the attributed partition: a base interval, or the part of one between two tag or rule
 * boundaries, in its current state.
 *
 * @param interval   the piece in its current state; source and accelerators in use are the base interval's
 * @param assignedBy who gave it that state
 * @param baseIndex  the base interval it is (part of): an index into {@code Derivation.intervals()}, whose
 *                   state is the imported one
 */
public record AttributedInterval(Interval interval, Assignment assignedBy, int baseIndex) {
    public long startUs() {
        return interval.startUs();
    }

    public long endUs() {
        return interval.endUs();
    }

    public boolean lost() {
        return !interval.productive();
    }

    /** The cause it is lost to, or null when it is productive. */
    public Cause cause() {
        return interval.state() instanceof IntervalState.Lost l ? l.cause() : null;
    }
}
