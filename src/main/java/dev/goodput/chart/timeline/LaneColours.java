package dev.goodput.chart.timeline;

import dev.goodput.chart.ChartStyle;

/**
 * The timeline lanes' colours as ARGB, taken from a {@link ChartStyle} (screen, dark screen or export), so the frame
 * and the vector chart draw what the theme says and nothing is a fixed grey or black. {@code edge} (the text's colour)
 * rims a cause colour that is weak on the page: it stands out from the page and from the accelerators in use alike,
 * where the outline's grey is the in-use grey's near twin on the dark theme.
 */
public record LaneColours(int attemptCompleted, int attemptDisrupted, int checkpoint, int anomalousStep,
                          int stepTypical, int stepSlow, int slowStep, int outline, int inUse, int page, int edge) {

    public static LaneColours of(ChartStyle s) {
        return new LaneColours(s.attemptCompleted().getRGB(), s.attemptDisrupted().getRGB(), s.checkpoint().getRGB(),
                s.anomalousStep().getRGB(), s.stepTypical().getRGB(), s.stepSlow().getRGB(), StatePalette.SLOW_STEPS,
                s.outline().getRGB(), s.acceleratorsInUse().getRGB(), s.background().getRGB(), s.text().getRGB());
    }

    /**
     * Whether a fixed cause colour ({@code argb}) is too close to the page to read as a mark (under 3:1): such a part
     * of the accelerators lane gets an {@link #edge} line of its own (the hot spares' dark olive on a dark page).
     */
    boolean weakOnPage(int argb) {
        return ChartStyle.contrast(new java.awt.Color(argb), new java.awt.Color(page)) < 3;
    }

    /**
     * The heat strip's colour for a column whose slowest step took {@code seconds} (0: none, transparent) and whose
     * slow steps' largest excess is {@code slowExcess} (0: no slow step): slow steps in their cause's colour,
     * anomalous steps in {@link #anomalousStep}, the rest from pale (typical) to orange (2× typical).
     */
    int step(StepTimeColumns steps, float seconds, float slowExcess) {
        if (slowExcess > 0) {
            return slowStep;
        }
        if (seconds <= 0) {
            return 0;
        }
        if (seconds > steps.anomalySeconds()) {
            return anomalousStep;
        }
        double heat = Math.max(0, Math.min(1, (seconds / steps.typicalSeconds() - 0.9) / 1.1));
        return blend(stepTypical, stepSlow, heat);
    }

    private static int blend(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }
}
