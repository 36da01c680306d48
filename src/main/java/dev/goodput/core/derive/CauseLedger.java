package dev.goodput.core.derive;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the partition in accelerator-microseconds: each interval's state gets its duration ×
 * accelerators in use, the hot spares go to {@code hot_spares} and the allocated-but-idle rest to
 * {@code idle_accelerators}. Sums are exact
 * ({@link ExactSum}), so intervals can be taken back out again: an attribution overlay keeps one ledger
 * and updates it by difference, edit by edit, and a ledger built in one pass from the same intervals
 * holds the same totals.
 */
public final class CauseLedger {
    /** Totals for one cause (keyed by layer and id: a cause moved to another layer is another entry). */
    static final class Entry {
        final Cause cause;
        final ExactSum accUs = new ExactSum();
        int intervals;

        Entry(Cause cause) {
            this.cause = cause;
        }
    }

    private record Key(Layer layer, String id) {
    }

    private final long capacity;
    private final ExactSum productiveAccUs = new ExactSum();
    private final Map<Key, Entry> lost = new LinkedHashMap<>();

    private CauseLedger(long capacity) {
        this.capacity = capacity;
    }

    public static CauseLedger of(List<Interval> intervals, int capacity) {
        CauseLedger l = new CauseLedger(capacity);
        for (Interval iv : intervals) {
            l.add(iv);
        }
        return l;
    }

    public void add(Interval iv) {
        count(iv, true);
    }

    /** Takes back what {@link #add} counted for {@code iv}; a cause left with no interval disappears. */
    public void remove(Interval iv) {
        count(iv, false);
    }

    private void count(Interval iv, boolean add) {
        long d = iv.durationUs();
        long used = Math.min(capacity, iv.acceleratorsInUse());
        if (iv.state() instanceof IntervalState.Lost lostState) {
            count(lostState.cause(), d, used, add);
        } else if (add) {
            productiveAccUs.add(d, used);
        } else {
            productiveAccUs.subtract(d, used);
        }
        long spares = Math.min(capacity - used, iv.hotSpares());
        if (spares > 0) {
            count(CauseCatalog.HOT_SPARES, d, spares, add);
        }
        if (used + spares < capacity) {
            count(CauseCatalog.IDLE_ACCELERATORS, d, capacity - used - spares, add);
        }
    }

    private void count(Cause c, long us, long accelerators, boolean add) {
        Key key = new Key(c.layer(), c.id());
        if (add) {
            Entry e = lost.computeIfAbsent(key, k -> new Entry(c));
            e.accUs.add(us, accelerators);
            e.intervals++;
            return;
        }
        Entry e = lost.get(key);
        if (e == null) {
            throw new IllegalStateException("nothing was counted for " + key);
        }
        e.accUs.subtract(us, accelerators);
        if (--e.intervals == 0) {
            lost.remove(key); // as if never added: a one-pass ledger has no empty entries
        }
    }

    double productiveAccUs() {
        return productiveAccUs.value();
    }

    Collection<Entry> lost() {
        return lost.values();
    }

    double layerAccUs(Layer layer) {
        ExactSum sum = new ExactSum();
        for (Entry e : lost.values()) {
            if (e.cause.layer() == layer) {
                sum.add(e.accUs);
            }
        }
        return sum.value();
    }
}
