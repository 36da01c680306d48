package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartText;

import java.awt.Font;
import java.awt.geom.Rectangle2D;

/**
 * One run of text where the waterfall draws it: its top-left corner, font and whether it is muted (numbers,
 * ticks) or in the text colour. Its box is measured with the metrics the drawing uses, so what a test checks is
 * what is drawn.
 */
public record PlacedText(String text, Font font, boolean muted, double x, double top) {
    public double width() {
        return ChartText.width(text, font);
    }

    public Rectangle2D box() {
        return new Rectangle2D.Double(x, top, width(), ChartText.lineHeight(font));
    }
}
