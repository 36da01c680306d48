package dev.goodput.core.derive;

import dev.goodput.core.model.FaultEvent;

import java.util.ArrayList;
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
     * {@code toUs}) on its {@code nodes} ({@link FaultEvent#onAnyOf}: a fault on another host is another job's;
     * one that names no host, or an attempt whose nodes are not known, is judged by its time alone). The window
     * starts 10 minutes before the failure, or earlier at {@code progressEndUs}: a fault after the job's last
     * progress was not survived (a hang ends in a kill long after its fault).
     */
    Links link(long fromUs, long toUs, long failureUs, long progressEndUs, List<String> nodes) {
        long lo = Math.min(saturatingSub(failureUs, BEFORE_US), progressEndUs);
        int first = ActivityIndex.lowerBound(times, Math.max(lo, fromUs));
        int end = ActivityIndex.lowerBound(times, toUs);
        for (int i = first; i < end; i++) {
            long timeoutMs = faults.get(i).watchdogTimeoutMs();
            long timeout = timeoutMs < 0 ? -1 : timeoutMs * 1000;
            if (timeout >= 0 && faults.get(i).onAnyOf(nodes)) {
                lo = Math.min(lo, saturatingSub(times[i], saturatingAdd(timeout, WATCHDOG_MARGIN_US)));
            }
        }
        FaultEvent root = null;
        List<FaultEvent> cascades = new ArrayList<>();
        for (int i = ActivityIndex.lowerBound(times, Math.max(lo, fromUs)); i < end; i++) {
            FaultEvent f = faults.get(i);
            if (!f.onAnyOf(nodes)) {
                continue;
            }
            if (root == null) {
                root = f;
            } else {
                cascades.add(f);
            }
        }
        return root == null ? Links.NONE : new Links(root, cascades);
    }

    /** Whether a fault of [{@code fromUs}, {@code toUs}) on {@code nodes} lies at or after {@code t}. */
    boolean anyFrom(long t, long fromUs, long toUs, List<String> nodes) {
        for (int i = ActivityIndex.lowerBound(times, Math.max(t, fromUs)); i < times.length && times[i] < toUs; i++) {
            if (faults.get(i).onAnyOf(nodes)) {
                return true;
            }
        }
        return false;
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
