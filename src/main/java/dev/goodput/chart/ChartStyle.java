package dev.goodput.chart;

import java.awt.Color;

/**
 * How a chart is dressed: colours of the page and text, a font scale, and for presentations a title,
 * subtitle, legend and a caption with the definitions. Screen styles leave the title and caption out (the
 * window already says them).
 *
 * @param fontScale multiplies every font size (presentations use larger text)
 * @param title     drawn above the chart; null for none
 * @param subtitle  drawn under the title (e.g. run name and window); null for none
 * @param caption   drawn under the chart (e.g. definitions); null for none
 */
public record ChartStyle(Color background, Color text, Color mutedText, Color grid, float fontScale, String title,
                         String subtitle, boolean legend, String caption) {

    /** The app's light theme. */
    public static ChartStyle screen() {
        return new ChartStyle(Color.WHITE, new Color(0x1F2328), new Color(0x59636E), new Color(0xD1D9E0), 1f,
                null, null, true, null);
    }

    /** The app's dark theme. */
    public static ChartStyle screenDark() {
        return new ChartStyle(new Color(0x0D1117), new Color(0xE6EDF3), new Color(0x9198A1), new Color(0x3D444D), 1f,
                null, null, true, null);
    }

    /** For slides and documents: white page, larger text, a title, subtitle, legend and caption. */
    public static ChartStyle presentation(String title, String subtitle, String caption) {
        return new ChartStyle(Color.WHITE, new Color(0x1F2328), new Color(0x59636E), new Color(0xD1D9E0), 1.5f,
                title, subtitle, true, caption);
    }

    /** Font size in chart units for a base size in points at scale 1. */
    public float font(float base) {
        return base * fontScale;
    }
}
