package dev.goodput.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A root cause's whole cost: the sum of its restarts' records (wall-clock seconds), so downtime, restart and the
 * progress rolled back after its faults are seen together.
 */
public record CauseCost(String cause, int restarts, boolean planned, double detectionSeconds, double queueSeconds,
                        double initSeconds, double restoreSeconds, double rollbackSeconds) {

    public double totalSeconds() {
        return detectionSeconds + queueSeconds + initSeconds + restoreSeconds + rollbackSeconds;
    }

    /** One row per root cause (planned ones apart from failures of the same id), costliest first. */
    public static List<CauseCost> of(List<RestartCost> restarts) {
        Map<String, double[]> sums = new TreeMap<>(); // key → {count, detection, queue, init, restore, rollback}
        for (RestartCost r : restarts) {
            double[] s = sums.computeIfAbsent((r.planned() ? "1" : "0") + r.rootCause(), k -> new double[6]);
            s[0]++;
            s[1] += r.detectionSeconds();
            s[2] += r.queueSeconds() == null ? 0 : r.queueSeconds();
            s[3] += r.initSeconds() == null ? 0 : r.initSeconds();
            s[4] += r.restoreSeconds() == null ? 0 : r.restoreSeconds();
            s[5] += r.rollbackSeconds();
        }
        List<CauseCost> out = new ArrayList<>();
        sums.forEach((key, s) -> out.add(new CauseCost(key.substring(1), (int) s[0], key.charAt(0) == '1', s[1],
                s[2], s[3], s[4], s[5])));
        out.sort((a, b) -> Double.compare(b.totalSeconds(), a.totalSeconds()));
        return List.copyOf(out);
    }
}
