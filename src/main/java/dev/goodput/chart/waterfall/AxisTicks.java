package dev.goodput.chart.waterfall;

import java.util.ArrayList;
import java.util.List;

/** Round tick values from 0 to a maximum: 1, 2 or 5 × 10^k apart, four to eight of them. */
final class AxisTicks {
    private AxisTicks() {
    }

    static List<Double> of(double max, WaterfallOptions o) {
        if (o.unit() == WaterfallUnit.FRACTION) {
            return List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max * (1 + 1e-9); i++) {
            ticks.add(i * step);
        }
        return ticks;
    }
}
