package dev.goodput.core.derive;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the partition in accelerator-microseconds: each interval's state gets its duration ×
 * accelerators in use, and the allocated-but-idle rest goes to {@code idle_accelerators}. Durations are
 * exact integers; the products are doubles, since a long window × tens of thousands of accelerators
 * overflows a long (relative error ~1e-16 per interval instead).
 */
final class CauseLedger {
    /** Totals for one cause (keyed by layer and id: a cause moved to another layer is another entry). */
    static final class Entry {
        final Cause cause;
        double accUs;
        int intervals;

        Entry(Cause cause) {
            this.cause = cause;
        }
    }

    final long capacity;
    double productiveAccUs;
    final Map<String, Entry> lost = new LinkedHashMap<>();

    private CauseLedger(long capacity) {
        this.capacity = capacity;
    }

    static CauseLedger of(List<Interval> intervals, int capacity) {
        CauseLedger l = new CauseLedger(capacity);
        for (Interval iv : intervals) {
            long d = iv.durationUs();
            long used = Math.min(capacity, iv.acceleratorsInUse());
            if (iv.state() instanceof IntervalState.Lost lostState) {
                Entry e = l.entry(lostState.cause());
                e.accUs += (double) d * used;
                e.intervals++;
            } else {
                l.productiveAccUs += (double) d * used;
            }
            if (used < capacity) {
                Entry idle = l.entry(CauseCatalog.IDLE_ACCELERATORS);
                idle.accUs += (double) d * (capacity - used);
                idle.intervals++;
            }
        }
        return l;
    }

    private Entry entry(Cause c) {
        return lost.computeIfAbsent(c.layer().id() + "/" + c.id(), k -> new Entry(c));
    }

    double layerAccUs(Layer layer) {
        double sum = 0;
        for (Entry e : lost.values()) {
            if (e.cause.layer() == layer) {
                sum += e.accUs;
            }
        }
        return sum;
    }
}
