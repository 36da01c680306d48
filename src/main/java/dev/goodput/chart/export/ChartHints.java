package dev.goodput.chart.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * The rendering hints every export draws with. Fractional metrics matter beyond looks: with them text is
 * measured with the same unrounded advances in the image, the SVG and the PDF, so labels fit alike in all.
 */
final class ChartHints {
    private ChartHints() {
    }

    static void apply(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
