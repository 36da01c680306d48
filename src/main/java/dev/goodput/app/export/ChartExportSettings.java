package dev.goodput.app.export;

import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.report.ChartCaptions;

import java.util.Locale;

/**
 * What the export dialog asks: format, PNG scale, size, and the presentation dress (white page, larger text,
 * title, subtitle, legend, caption) or the chart as on screen.
 */
public record ChartExportSettings(ChartFormat format, int scale, ChartSizePreset size, boolean presentation,
                                  String title, String subtitle) {

    /** For slides: PNG at 2×, 16:9, presentation style. */
    public static ChartExportSettings defaults(ChartCaptions captions) {
        return new ChartExportSettings(ChartFormat.PNG, 2, ChartSizePreset.SLIDE, true, captions.title(),
                captions.subtitle());
    }

    /** The style to draw with: the captions (title and subtitle as edited) on a presentation page, or the screen's. */
    public ChartStyle style(ChartCaptions captions, ChartStyle screen) {
        if (!presentation) {
            return screen;
        }
        ChartCaptions words = captions.withTitle(blankToNull(title)).withSubtitle(blankToNull(subtitle));
        return words.presentation();
    }

    /** A file name for the chart of a run, e.g. {@code clean-small-waterfall.png}: only safe characters. */
    public String fileName(String runName, String chart) {
        return baseName(runName) + "-" + chart + "." + format.extension();
    }

    /** The run's name as a file name: lower case, only letters, digits, dots and dashes, at most 60 long. */
    public static String baseName(String runName) {
        String base = (runName == null ? "run" : runName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("[-.]*-[-.]*", "-").replaceAll("^[-.]+|[-.]+$", ""); // no hidden or dot-only names
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("[-.]+$", "");
        }
        return base.isEmpty() ? "run" : base;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
