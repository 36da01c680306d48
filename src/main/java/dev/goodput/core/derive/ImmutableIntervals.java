package dev.goodput.core.derive;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A list of intervals that never changes once made, so a {@link Derivation} keeps it as it is instead of copying
 * it: an attributed partition that shares its unchanged parts with the version before an edit is O(edit) to make,
 * and a copy would be O(intervals).
 */
public abstract class ImmutableIntervals extends AbstractList<Interval> implements RandomAccess {
    protected ImmutableIntervals() {
    }
}
