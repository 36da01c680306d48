package dev.goodput.chart;

import java.awt.Graphics2D;

/**
 * A chart drawn once through {@link Graphics2D}: the same code paints the screen (into an image the view
 * shows), PNG files, and vector SVG and PDF, so what a presenter exports is what the analyst saw.
 */
public interface Chart {
    /**
     * Paints the chart filling {@code width} × {@code height} units of {@code g}'s user space (pixels on
     * screen and in PNG at scale 1, points in PDF). Text is drawn with {@code drawString}, never as outlines,
     * so vector exports keep it searchable.
     */
    void paint(Graphics2D g, ChartStyle style, double width, double height);

    /** A short name for files, e.g. {@code waterfall}. */
    String name();
}
