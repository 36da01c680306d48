package dev.goodput.core.derive;

import dev.goodput.core.model.FaultEvent;

import java.util.List;

/**
 * Links the faults around a failure before any is charged (docs/derivation.md, "Roots and cascades"): the root is
 * the earliest fault in the failure's linking window, and every other fault in it is a cascade of the root.
 */
final class FaultLinker {
    /** Meta's window: from 10 minutes before the failure to 5 minutes after it. */
    static final long BEFORE_US = 10 * 60 * 1_000_000L;
    static final long AFTER_US = 5 * 60 * 1_000_000L;
    /** A watchdog widens the window to its own time less its timeout, less this margin. */
    static final long WATCHDOG_MARGIN_US = 60 * 1_000_000L;

    /** A failure's root fault (null: none in its window) and its cascades, in time order. */
    record Links(FaultEvent root, List<FaultEvent> cascades) {
        static final Links NONE = new Links(null, List.of());

        Links {
            cascades = List.copyOf(cascades);
        }
    }

    private final List<FaultEvent> faults;
    private final long[] times;

    /** @param faults the run's faults, in time order */
    FaultLinker(List<FaultEvent> faults) {
        this.faults = faults;
        this.times = faults.stream().mapToLong(FaultEvent::timeUs).toArray();
    }

    /**
     * The links of a failure at {@code failureUs} among the faults of its attempt, those in [{@code fromUs},
     * {@code toUs}). The window starts 10 minutes before the failure, or earlier at {@code progressEndUs}: a fault
     * after the job's last progress was not survived (a hang ends in a kill long after its fault).
     */
    Links link(long fromUs, long toUs, long failureUs, long progressEndUs) {
        long lo = Math.min(saturatingSub(failureUs, BEFORE_US), progressEndUs);
        int first = ActivityIndex.lowerBound(times, Math.max(lo, fromUs));
        int end = ActivityIndex.lowerBound(times, toUs);
        for (int i = first; i < end; i++) {
            long timeoutMs = faults.get(i).watchdogTimeoutMs();
            long timeout = timeoutMs < 0 ? -1 : timeoutMs * 1000;
            if (timeout >= 0) {
                lo = Math.min(lo, saturatingSub(times[i], saturatingAdd(timeout, WATCHDOG_MARGIN_US)));
            }
        }
        first = ActivityIndex.lowerBound(times, Math.max(lo, fromUs));
        if (first >= end) {
            return Links.NONE;
        }
        return new Links(faults.get(first), faults.subList(first + 1, end));
    }

    /** Whether a fault of [{@code fromUs}, {@code toUs}) lies at or after {@code t}. */
    boolean anyFrom(long t, long fromUs, long toUs) {
        int i = ActivityIndex.lowerBound(times, Math.max(t, fromUs));
        return i < times.length && times[i] < toUs;
    }

    static long saturatingSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
