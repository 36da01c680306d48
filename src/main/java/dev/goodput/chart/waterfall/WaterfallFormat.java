package dev.goodput.chart.waterfall;

import java.util.Locale;

/** How waterfall values read: percent of the window, accelerator-hours and cost, compact and unambiguous. */
public final class WaterfallFormat {
    private WaterfallFormat() {
    }

    public static String percent(double fraction) {
        double p = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(p) < 10 ? "%.2f%%" : "%.1f%%", p);
    }

    /** Accelerator-hours, e.g. {@code 812 h}, {@code 41.2k h}, {@code 2.10M h}. */
    public static String hours(double h) {
        return compact(h, "") + " h";
    }

    public static String cost(double amount, String currency) {
        return currency + compact(amount, "");
    }

    /** The label of a bar or segment: percent and hours, plus the cost when costs are shown. */
    public static String label(WaterfallModel m, double fraction, WaterfallOptions o) {
        return percent(fraction) + " · " + amounts(m, fraction, o);
    }

    /** A fraction of the window in accelerator-hours, and " · " its cost when costs are shown. */
    public static String amounts(WaterfallModel m, double fraction, WaterfallOptions o) {
        String s = hours(m.acceleratorHours(fraction));
        return o.unit() == WaterfallUnit.COST ? s + " · " + cost(m.value(fraction, o), o.currency()) : s;
    }

    /** An axis tick in the unit shown. */
    public static String tick(double value, WaterfallOptions o) {
        return switch (o.unit()) {
            case FRACTION -> String.format(Locale.ROOT, "%.0f%%", value * 100);
            case ACCELERATOR_HOURS -> hours(value);
            case COST -> cost(value, o.currency());
        };
    }

    private static String compact(double v, String suffix) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", v / 1e9) + suffix;
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6) + suffix;
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3) + suffix;
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v) + suffix;
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v) + suffix;
    }
}
