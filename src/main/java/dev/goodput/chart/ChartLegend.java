package dev.goodput.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A legend: colour swatches with their labels, left to right in rows that wrap to the width given, in the
 * style's text colour and legend font size.
 */
public record ChartLegend(List<Entry> entries) {
    /** Base size (points at scale 1) of legend labels. */
    public static final float FONT_SIZE = 11;

    /** How an entry's swatch is drawn: a filled square, or a frame (a mark that is drawn hollow). */
    public enum Swatch { FILLED, HOLLOW }

    /** One swatch and its label. */
    public record Entry(String label, Color colour, Swatch swatch) {
        public Entry(String label, Color colour) {
            this(label, colour, Swatch.FILLED);
        }
    }

    public ChartLegend {
        entries = List.copyOf(entries);
    }

    /** The height the legend takes wrapped to {@code width}; 0 without entries. */
    public double height(ChartStyle style, double width) {
        List<Placed> placed = place(style, width);
        return placed.isEmpty() ? 0 : (placed.get(placed.size() - 1).row() + 1) * rowHeight(font(style));
    }

    /** Paints the legend with its top-left corner at (x, y), wrapped to {@code width}. */
    public void paint(Graphics2D g, ChartStyle style, double x, double y, double width) {
        Font font = font(style);
        double row = rowHeight(font);
        double swatch = swatch(font);
        for (Placed p : place(style, width)) {
            double centre = y + p.row() * row + row / 2;
            g.setColor(p.entry().colour());
            Rectangle2D box = new Rectangle2D.Double(x + p.x(), centre - swatch / 2, swatch, swatch);
            if (p.entry().swatch() == Swatch.HOLLOW) {
                double t = Math.max(1, swatch / 6); // a frame as the lane draws a hollow mark, filled, not stroked
                java.awt.geom.Path2D frame = new java.awt.geom.Path2D.Double(java.awt.geom.Path2D.WIND_EVEN_ODD);
                frame.append(box, false);
                frame.append(new Rectangle2D.Double(box.getX() + t, box.getY() + t, swatch - 2 * t, swatch - 2 * t),
                        false);
                g.fill(frame);
            } else {
                g.fill(box);
            }
            ChartText.drawCentred(g, p.entry().label(), font, style.text(), x + p.x() + swatch * 1.5, centre);
        }
    }

    private record Placed(Entry entry, double x, int row) {
    }

    private List<Placed> place(ChartStyle style, double width) {
        Font font = font(style);
        double swatch = swatch(font);
        double gap = font.getSize2D() * 1.5; // between one entry's label and the next swatch
        List<Placed> out = new ArrayList<>();
        double x = 0;
        int row = 0;
        for (Entry e : entries) {
            double w = swatch * 1.5 + ChartText.width(e.label(), font);
            if (x > 0 && x + w > width) {
                row++;
                x = 0;
            }
            out.add(new Placed(e, x, row));
            x += w + gap;
        }
        return out;
    }

    private static Font font(ChartStyle style) {
        return ChartFonts.regular(style.font(FONT_SIZE));
    }

    private static double swatch(Font font) {
        return font.getSize2D() * 0.9;
    }

    private static double rowHeight(Font font) {
        return ChartText.lineHeight(font) * 1.3;
    }
}
