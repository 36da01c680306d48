package dev.goodput.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * Measures and draws one line of chart text. Measured with one fixed context (antialiased, fractional
 * metrics), not the target's, so a chart lays out identically in the image, the SVG and the PDF; drawn
 * with {@code drawString}, so vector exports keep real, searchable text.
 */
public final class ChartText {
    /** The context every chart measures text with. */
    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private ChartText() {
    }

    public static double width(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    /** Baseline-to-baseline distance of lines in {@code font}. */
    public static double lineHeight(Font font) {
        return metrics(font).getHeight();
    }

    public static double ascent(Font font) {
        return metrics(font).getAscent();
    }

    /** Draws {@code text} with its line's top at {@code top}. */
    public static void draw(Graphics2D g, String text, Font font, Color colour, double x, double top) {
        g.setFont(font);
        g.setColor(colour);
        g.drawString(text, (float) x, (float) (top + ascent(font)));
    }

    /** Draws {@code text} centred vertically on {@code centreY} (by its capitals' height). */
    public static void drawCentred(Graphics2D g, String text, Font font, Color colour, double x, double centreY) {
        LineMetrics m = metrics(font);
        g.setFont(font);
        g.setColor(colour);
        g.drawString(text, (float) x, (float) (centreY + (m.getAscent() - m.getDescent()) / 2));
    }

    /** {@code text}, or its longest prefix that fits {@code width} with an ellipsis after it. */
    public static String ellipsize(String text, Font font, double width) {
        if (width(text, font) <= width) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (width(text.substring(0, mid) + "…", font) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo).stripTrailing() + "…";
    }

    private static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Hg", FRC);
    }
}
