package dev.goodput.core.profile.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTA's kernel-type table: time in each exclusive combination of computation, communication and memory
 * ("COMPUTATION overlapping COMMUNICATION", ...), per rank, summed over ranks, largest first; OTHER
 * kernels are left out as HTA does.
 */
public final class KernelTypeBreakdown {
    private static final String[] NAMES = {"COMPUTATION", "COMMUNICATION", "MEMORY"};

    private KernelTypeBreakdown() {
    }

    /** Label → ns for one rank, labels in HTA's spelling. */
    public static Map<String, Long> of(GpuSelection s) {
        ClassCoverage c = s.coverage();
        Map<String, Long> out = new LinkedHashMap<>();
        for (int m = 1; m < 8; m++) {
            long ns = 0;
            for (int other = 0; other < 2; other++) { // OTHER (bit 3) running beside does not change the label
                ns += c.exactly(m | (other << 3));
            }
            if (ns > 0) {
                out.merge(label(m), ns, Long::sum);
            }
        }
        return out;
    }

    static String label(int mask) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((mask & (1 << i)) != 0) {
                parts.add(NAMES[i]);
            }
        }
        return String.join(" overlapping ", parts);
    }

    /** One row of the table over all ranks. */
    public record Row(String type, long ns, double pct) {
    }

    /** Sums ranks' tables; percentages of the total with 1 decimal, as HTA prints them. */
    public static List<Row> combine(List<Map<String, Long>> ranks) {
        Map<String, Long> sum = new LinkedHashMap<>();
        ranks.forEach(r -> r.forEach((k, v) -> sum.merge(k, v, Long::sum)));
        long total = sum.values().stream().mapToLong(Long::longValue).sum();
        return sum.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> new Row(e.getKey(), e.getValue(), Percent.of(e.getValue(), total, 1)))
                .toList();
    }
}
