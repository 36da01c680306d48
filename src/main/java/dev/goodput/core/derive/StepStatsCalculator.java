package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;
import dev.goodput.core.report.AnomalousStep;
import dev.goodput.core.report.StepStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Step-time statistics and anomalous (slow) steps by {@link SlowStepRule}. */
final class StepStatsCalculator {
    static final int MAX_LISTED = 20;

    private StepStatsCalculator() {
    }

    static StepStats compute(StepTable s, StepPlan plan, Window w, double k) {
        int executed = 0;
        int kept = 0;
        int wasted = 0;
        int[] rows = new int[s.size()];
        long[] d = new long[s.size()];
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (plan.attempt[i] < 0 || s.startUs(i) < w.startUs() || s.startUs(i) >= w.endUs()) {
                continue;
            }
            executed++;
            if (plan.kept[i]) {
                kept++;
                long dur = plan.end[i] - s.startUs(i);
                if (plan.ordinal[i] > 0 && dur > 0) {
                    rows[n] = i;
                    d[n++] = dur;
                }
            } else {
                wasted++;
            }
        }
        if (n == 0) {
            return new StepStats(executed, kept, wasted, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0, List.of());
        }
        long[] durations = Arrays.copyOf(d, n); // rearranged by the order statistics below
        double median = Statistics.medianInPlace(durations);
        double mad = Statistics.MAD_TO_SIGMA * Statistics.mad(durations, median);
        SlowStepRule rule = SlowStepRule.of(median, mad, k); // the same median and MAD, as doubles
        double sum = 0;
        double absDev = 0;
        List<AnomalousStep> anomalous = new ArrayList<>();
        int anomalousCount = 0;
        for (int j = 0; j < n; j++) {
            sum += d[j];
            absDev += Math.abs(d[j] - median);
            if (rule.slow(d[j])) {
                anomalousCount++;
                int row = rows[j];
                anomalous.add(new AnomalousStep(s.number(row), s.startUs(row) / 1e6, d[j] / 1e6,
                        100.0 * (d[j] - median) / median, s.source(row).toString()));
            }
        }
        anomalous.sort(Comparator.comparingDouble((AnomalousStep a) -> -a.deviationPct()));
        if (anomalous.size() > MAX_LISTED) {
            anomalous = new ArrayList<>(anomalous.subList(0, MAX_LISTED));
        }
        // Each order statistic leaves the durations partitioned at its index: the next, higher one looks above it.
        double p90 = Statistics.percentileInPlace(durations, 90, n / 2);
        double p99 = Statistics.percentileInPlace(durations, 99, Statistics.percentileIndex(n, 90));
        return new StepStats(executed, kept, wasted, median / 1e6, sum / n / 1e6, p90 / 1e6, p99 / 1e6,
                mad / 1e6, 100.0 * absDev / n / median, anomalousCount, List.copyOf(anomalous));
    }
}
