package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Paints a chart into an ARGB image, {@code scale} pixels per chart unit. */
final class ChartRaster {
    private ChartRaster() {
    }

    static BufferedImage render(Chart chart, ChartStyle style, ChartSize size, int scale) {
        long width = (long) size.width() * scale;
        long height = (long) size.height() * scale;
        if (scale < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE
                || width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot draw a " + size.width() + " x " + size.height()
                    + " chart at scale " + scale + ": expected a scale of at least 1 and an image that fits in memory");
        }
        BufferedImage image = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartHints.apply(g);
            g.scale(scale, scale);
            // No fill here: the chart paints its own background from the style.
            chart.paint(g, style, size.width(), size.height());
        } finally {
            g.dispose();
        }
        return image;
    }
}
