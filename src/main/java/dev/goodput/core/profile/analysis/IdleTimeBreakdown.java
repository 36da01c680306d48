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
 */
public final class IdleTimeBreakdown {
    /** HTA's default {@code consecutive_kernel_delay}: 30 µs. */
    public static final long DEFAULT_DELAY_NS = 30_000;

    public enum Category { HOST_WAIT, KERNEL_WAIT, OTHER }

    /** One row: idle time of a category on a stream, and its share of the stream's idle time. */
    public record Row(int stream, Category category, long idleNs, double ratio) {
    }

    private IdleTimeBreakdown() {
    }

    /** Streams in order of first appearance in the input; categories that occurred, in enum order. */
    public static List<Row> of(GpuSelection s, long delayNs) {
        Map<Integer, List<Integer>> byStream = new LinkedHashMap<>();
        Integer[] inputOrder = new Integer[s.size()];
        for (int i = 0; i < s.size(); i++) {
            inputOrder[i] = i;
        }
        Arrays.sort(inputOrder, (a, b) -> Integer.compare(s.seq()[a], s.seq()[b]));
        for (int i : inputOrder) {
            byStream.computeIfAbsent(s.streams()[i], k -> new ArrayList<>()).add(i);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byStream.entrySet()) {
            List<Integer> ks = new ArrayList<>(e.getValue());
            ks.sort((a, b) -> Long.compare(s.startNs()[a], s.startNs()[b]));
            long[] sum = new long[3];
            boolean[] seen = new boolean[3];
            seen[Category.OTHER.ordinal()] = true; // the first kernel has no gap: HTA files it under other
            for (int j = 1; j < ks.size(); j++) {
                int prev = ks.get(j - 1);
                int cur = ks.get(j);
                long prevEnd = s.endNs()[prev];
                long gap = s.startNs()[cur] - prevEnd;
                long launch = s.launchNs()[cur];
                Category c = launch != GpuSelection.NO_LAUNCH && launch > prevEnd ? Category.HOST_WAIT
                        : gap < delayNs ? Category.KERNEL_WAIT : Category.OTHER;
                sum[c.ordinal()] += gap;
                seen[c.ordinal()] = true;
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
}
