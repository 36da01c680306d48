package dev.goodput.app;

import dev.goodput.chart.waterfall.WaterfallFormat;
import dev.goodput.core.report.HumanFormat;

import java.util.Locale;

/** How the workbench writes numbers: fixed to {@link Locale#ROOT} so figures match the CLI report. */
final class Figures {
    static final String NOT_AVAILABLE = "n/a";

    private Figures() {
    }

    /** A fraction as a percentage with two decimals; "n/a" for null or NaN. */
    static String percent(Double fraction) {
        return HumanFormat.pct(fraction);
    }

    /** A duration for people, in the same steps as the CLI report. */
    static String duration(double seconds) {
        return HumanFormat.duration(seconds);
    }

    /** Accelerator-hours as the waterfall writes them (three significant figures, then k, M), so the two agree. */
    static String hours(double hours) {
        return Double.isNaN(hours) ? NOT_AVAILABLE : WaterfallFormat.hoursFigure(hours);
    }
}
