package dev.goodput.chart;

import java.awt.Color;

/**
 * How a chart is dressed: colours of the page and text, a font scale, and for presentations a title,
 * subtitle, legend and a caption with the definitions. Screen styles leave the title and caption out (the
 * window already says them). The timeline's lane colours (outlines, attempts, checkpoints, step heat, selection)
 * follow from the page: on a dark page they are lighter, so every mark reads on either theme.
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

    /** Whether the page is dark (light marks on it). */
    public boolean dark() {
        return relativeLuminance(background) < 0.2;
    }

    /** A lane's outline: the muted text's colour, which stands out from the page on either theme. */
    public Color outline() {
        return mutedText;
    }

    /** An attempt that ended as planned: a neutral grey that reads on the page. */
    public Color attemptCompleted() {
        return dark() ? new Color(0x8B949E) : new Color(0x6E7781);
    }

    /** An attempt a fault, preemption or kill ended (Okabe–Ito vermillion; a lighter orange on a dark page). */
    public Color attemptDisrupted() {
        return dark() ? new Color(0xF0833A) : new Color(0xD55E00);
    }

    /** A checkpoint's tick (Okabe–Ito blue; sky blue on a dark page). */
    public Color checkpoint() {
        return dark() ? new Color(0x56B4E9) : new Color(0x0072B2);
    }

    /**
     * An anomalous step (slower than the step statistics' limit, not a slow step): the text's colour, so it is
     * the strongest mark on either page and never looks like a gap.
     */
    public Color anomalousStep() {
        return text;
    }

    /** The step-time heat strip's typical step (a faint orange on the page) and its slowest (up to 2×). */
    public Color stepTypical() {
        return dark() ? new Color(0x2E261D) : new Color(0xFCE8D4);
    }

    /** The step-time heat strip's colour at twice the typical step (Okabe–Ito orange). */
    public Color stepSlow() {
        return new Color(0xE69F00);
    }

    /** The accelerators in use, under the hot spares and idle ones: a neutral between the page and the text. */
    public Color acceleratorsInUse() {
        return dark() ? new Color(0x848D97) : new Color(0xAFB8C1);
    }

    /** A loaded profile's bar (Okabe–Ito reddish purple). */
    public Color profile() {
        return new Color(0xCC79A7);
    }

    /** The shade over a shift-dragged range (the window to set). */
    public Color windowRangeFill() {
        return dark() ? new Color(86, 180, 233, 64) : new Color(0, 114, 178, 46);
    }

    /** The shade over a ctrl-dragged range (a range to tag). */
    public Color markedRangeFill() {
        return dark() ? new Color(230, 159, 0, 84) : new Color(230, 159, 0, 72);
    }

    /** WCAG 2 relative luminance of an opaque colour (0 black, 1 white). */
    public static double relativeLuminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
