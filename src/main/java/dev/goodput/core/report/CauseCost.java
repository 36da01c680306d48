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
        Map<String, CauseCost> rows = new TreeMap<>();
        for (RestartCost r : restarts) {
            CauseCost one = new CauseCost(r.rootCause(), 1, r.planned(), r.detectionSeconds(),
                    RestartCost.orZero(r.queueSeconds()), RestartCost.orZero(r.initSeconds()),
                    RestartCost.orZero(r.restoreSeconds()), r.rollbackSeconds());
            rows.merge((r.planned() ? "planned " : "") + r.rootCause(), one, CauseCost::plus);
        }
        List<CauseCost> out = new ArrayList<>(rows.values());
        out.sort((a, b) -> Double.compare(b.totalSeconds(), a.totalSeconds()));
        return List.copyOf(out);
    }

    private CauseCost plus(CauseCost o) {
        return new CauseCost(cause, restarts + o.restarts, planned, detectionSeconds + o.detectionSeconds,
                queueSeconds + o.queueSeconds, initSeconds + o.initSeconds, restoreSeconds + o.restoreSeconds,
                rollbackSeconds + o.rollbackSeconds);
    }
}
