package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.report.HumanFormat;

import java.util.List;

/** Finds the interval under a time (binary search) and says what it was, for hover and selection. */
public final class IntervalLookup {
    private final List<Interval> intervals;

    public IntervalLookup(Derivation d) {
        this.intervals = d.intervals();
    }

    /** Index of the interval containing t, or -1. */
    public int indexAt(long t) {
        int lo = 0;
        int hi = intervals.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Interval iv = intervals.get(mid);
            if (t < iv.startUs()) {
                hi = mid - 1;
            } else if (t >= iv.endUs()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    public Interval get(int index) {
        return intervals.get(index);
    }

    /** The tooltip: state, cause and layer, start, end, duration, and the record that decided it. */
    public static String describe(Interval iv) {
        String state;
        if (iv.state() instanceof IntervalState.Lost lost) {
            Cause c = lost.cause();
            state = "Lost: " + c.label() + " (" + c.id() + ")\nLayer: " + c.layer().id();
        } else {
            state = "Productive";
        }
        return state
                + "\nStart: " + HumanFormat.clock(iv.startUs())
                + "\nEnd: " + HumanFormat.clock(iv.endUs())
                + "\nDuration: " + HumanFormat.duration(iv.durationUs() / 1e6)
                + "\nSource: " + iv.source();
    }
}
