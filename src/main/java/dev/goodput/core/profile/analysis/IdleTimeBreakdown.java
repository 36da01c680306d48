package dev.goodput.core.profile.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTA's idle-time breakdown per stream: each gap between consecutive kernels on a stream is
 * <em>host wait</em> when the next kernel was launched only after the previous one finished (the GPU
 * waited for the CPU), else <em>kernel wait</em> when shorter than the delay threshold (launch overhead
 * between back-to-back kernels), else <em>other</em> (e.g. waiting on another stream).
 * <p>Kernels that overlap on a stream (or are recorded twice) are merged first, as HTA merges kernel intervals
 * for its temporal breakdown: a gap is measured from the end of everything that ran before it, so idle time is
 * never negative and busy time is never counted twice. On traces without overlaps this is HTA's figure exactly.
 */
public final class IdleTimeBreakdown {
    /** HTA's default {@code consecutive_kernel_delay}: 30 µs. */
    public static final long DEFAULT_DELAY_NS = 30_000;

    public enum Category { HOST_WAIT, KERNEL_WAIT, OTHER }

    /** One row: idle time of a category on a stream, and its share of the stream's idle time. */
    public record Row(int stream, Category category, long idleNs, double ratio) {
    }

    /** Kernels on a stream that started before the stream's earlier kernels had all ended, and by how much. */
    public record StreamOverlap(int stream, int kernels, long overlapNs) {
        public String message() {
            String us = java.math.BigDecimal.valueOf(overlapNs, 3).stripTrailingZeros().toPlainString();
            String who = kernels == 1 ? " kernel overlaps" : " kernels overlap";
            return kernels + who + " on stream " + stream + " (by " + us + " µs in all): counted once, as HTA does";
        }
    }

    private IdleTimeBreakdown() {
    }

    /** Streams in order of first appearance in the input; categories that occurred, in enum order. */
    public static List<Row> of(GpuSelection s, long delayNs) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byStream(s).entrySet()) {
            List<Integer> ks = e.getValue();
            long[] sum = new long[3];
            boolean[] seen = new boolean[3];
            seen[Category.OTHER.ordinal()] = true; // the first kernel has no gap: HTA files it under other
            long busyUntil = s.endNs()[ks.get(0)];
            for (int j = 1; j < ks.size(); j++) {
                int cur = ks.get(j);
                long gap = s.startNs()[cur] - busyUntil;
                if (gap < 0) { // overlaps what ran before: merged into it, no gap
                    busyUntil = Math.max(busyUntil, s.endNs()[cur]);
                    continue;
                }
                long launch = s.launchNs()[cur];
                Category c = launch != GpuSelection.NO_LAUNCH && launch > busyUntil ? Category.HOST_WAIT
                        : gap < delayNs ? Category.KERNEL_WAIT : Category.OTHER;
                sum[c.ordinal()] += gap;
                seen[c.ordinal()] = true;
                busyUntil = s.endNs()[cur];
            }
            long total = sum[0] + sum[1] + sum[2];
            for (Category c : Category.values()) {
                if (seen[c.ordinal()]) {
                    double ratio = total == 0 ? Double.NaN : Percent.round((double) sum[c.ordinal()] / total, 2);
                    rows.add(new Row(e.getKey(), c, sum[c.ordinal()], ratio));
                }
            }
        }
        return rows;
    }

    /** Streams on which kernels overlap or are duplicated, in order of first appearance. */
    public static List<StreamOverlap> overlaps(GpuSelection s) {
        List<StreamOverlap> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byStream(s).entrySet()) {
            List<Integer> ks = e.getValue();
            int kernels = 0;
            long overlapNs = 0;
            long busyUntil = s.endNs()[ks.get(0)];
            for (int j = 1; j < ks.size(); j++) {
                int cur = ks.get(j);
                if (s.startNs()[cur] < busyUntil) {
                    kernels++;
                    overlapNs += Math.min(busyUntil, s.endNs()[cur]) - s.startNs()[cur];
                }
                busyUntil = Math.max(busyUntil, s.endNs()[cur]);
            }
            if (kernels > 0) {
                out.add(new StreamOverlap(e.getKey(), kernels, overlapNs));
            }
        }
        return out;
    }

    /** Kernel indices per stream (streams in input order), each list sorted by start. */
    private static Map<Integer, List<Integer>> byStream(GpuSelection s) {
        Map<Integer, List<Integer>> byStream = new LinkedHashMap<>();
        Integer[] inputOrder = new Integer[s.size()];
        for (int i = 0; i < s.size(); i++) {
            inputOrder[i] = i;
        }
        Arrays.sort(inputOrder, (a, b) -> Integer.compare(s.seq()[a], s.seq()[b]));
        for (int i : inputOrder) {
            byStream.computeIfAbsent(s.streams()[i], k -> new ArrayList<>()).add(i);
        }
        byStream.values().forEach(ks -> ks.sort((a, b) -> Long.compare(s.startNs()[a], s.startNs()[b])));
        return byStream;
    }
}
