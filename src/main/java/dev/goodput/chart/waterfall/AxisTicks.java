package dev.goodput.chart.waterfall;

import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values from 0 to a maximum: 1, 2 or 5 × 10^k apart, four to eight of them, or fewer when the axis is
 * too short for their labels to stand apart.
 */
final class AxisTicks {
    private AxisTicks() {
    }

    /** @param most the most ticks the axis has room for (at least 2: zero and the top) */
    static List<Double> of(double max, WaterfallOptions o, int most) {
        if (o.unit() == WaterfallUnit.FRACTION) {
            for (double step : new double[]{0.2, 0.25, 0.5}) {
                if (Math.round(1 / step) + 1 <= most) {
                    return every(step, 1.0);
                }
            }
            return most >= 2 ? List.of(0.0, 1.0) : List.of(1.0);
        }
        double raw = max / Math.max(1, Math.min(5, most - 1));
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = every(step, max);
        return ticks.size() <= Math.max(2, most) ? ticks : List.of(0.0);
    }

    private static List<Double> every(double step, double max) {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max * (1 + 1e-9); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }
}
