package dev.goodput.chart.waterfall;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How waterfall values read: percent of the window, accelerator-hours and cost, compact and unambiguous.
 * Accelerator-hours follow one convention wherever the workbench shows them (this chart and the badput table):
 * three significant figures, whole hours with a thousands separator from 1,000 to 9,999, then {@code k}, {@code M},
 * {@code G}: {@code 0.0930}, {@code 1.40}, {@code 42.0}, {@code 812}, {@code 1,664}, {@code 85.4k}, {@code 633k},
 * {@code 1.15M}. Hours are counted from seconds of hundreds of accelerators, so more digits would be noise.
 */
public final class WaterfallFormat {
    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);

    private WaterfallFormat() {
    }

    public static String percent(double fraction) {
        double p = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(p) < 10 ? "%.2f%%" : "%.1f%%", p);
    }

    /** Accelerator-hours with their unit, e.g. {@code 812 h}, {@code 41.2k h}, {@code 2.10M h}. */
    public static String hours(double h) {
        return hoursFigure(h) + " h";
    }

    /** Accelerator-hours as a bare number (a table column says the unit), by the convention above. */
    public static String hoursFigure(double h) {
        return compact(h, true);
    }

    public static String cost(double amount, String currency) {
        return currency + compact(amount, true);
    }

    /** The label of a bar or segment: percent and hours, plus the cost when costs are shown. */
    public static String label(WaterfallModel m, double fraction, WaterfallOptions o) {
        return String.join(" · ", parts(m, fraction, o));
    }

    /** The parts of a label, each to be kept whole on a line: percent, hours, and the cost when costs are shown. */
    public static List<String> parts(WaterfallModel m, double fraction, WaterfallOptions o) {
        String hours = hours(m.acceleratorHours(fraction));
        return o.unit() == WaterfallUnit.COST
                ? List.of(percent(fraction), hours, cost(m.value(fraction, o), o.currency()))
                : List.of(percent(fraction), hours);
    }

    /** A fraction of the window in accelerator-hours, and " · " its cost when costs are shown. */
    public static String amounts(WaterfallModel m, double fraction, WaterfallOptions o) {
        List<String> parts = parts(m, fraction, o);
        return String.join(" · ", parts.subList(1, parts.size()));
    }

    /** An axis tick in the unit shown: round values, so no trailing zeros ({@code 200k h}, {@code 1M h}). */
    public static String tick(double value, WaterfallOptions o) {
        return switch (o.unit()) {
            case FRACTION -> String.format(Locale.ROOT, "%.0f%%", value * 100);
            case ACCELERATOR_HOURS -> compact(value, false) + " h";
            case COST -> o.currency() + compact(value, false);
        };
    }

    /** Three significant figures (trailing zeros kept when {@code zeros}), whole from 1,000 to 9,999, then k/M/G. */
    private static String compact(double v, boolean zeros) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        BigDecimal r = new BigDecimal(v).round(THREE);
        double a = Math.abs(r.doubleValue());
        if (a < 1000) {
            return plain(r, zeros);
        }
        if (Math.abs(v) < 9999.5) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        int shift = a >= 1e9 ? 9 : a >= 1e6 ? 6 : 3;
        String suffix = shift == 9 ? "G" : shift == 6 ? "M" : "k";
        return plain(r.movePointLeft(shift), zeros) + suffix;
    }

    private static String plain(BigDecimal d, boolean zeros) {
        BigDecimal shown = zeros || d.signum() == 0 ? d : d.stripTrailingZeros();
        return shown.scale() < 0 ? shown.setScale(0).toPlainString() : shown.toPlainString();
    }
}
