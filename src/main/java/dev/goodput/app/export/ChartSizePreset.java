package dev.goodput.app.export;

import dev.goodput.chart.ChartSize;

/** Sizes a chart is exported at: a 16:9 slide, a document figure, or the size it has on screen. */
public enum ChartSizePreset {
    SLIDE("Slide 16:9 (1600 × 900)"),
    DOCUMENT("Document (1200 × 600)"),
    SHOWN("As shown on screen");

    private final String label;

    ChartSizePreset(String label) {
        this.label = label;
    }

    public ChartSize size(double shownWidth, double shownHeight) {
        return switch (this) {
            case SLIDE -> ChartSize.SLIDE_16_9;
            case DOCUMENT -> ChartSize.DOCUMENT;
            case SHOWN -> new ChartSize((int) Math.max(100, Math.round(shownWidth)),
                    (int) Math.max(60, Math.round(shownHeight)));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
