package dev.goodput.app;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartExporter;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Charts on screen and on the clipboard: painted by the export code into an image, handed to JavaFX. */
public final class ChartImages {
    private ChartImages() {
    }

    /** The chart at {@code width} × {@code height} units, rendered at {@code scale} pixels per unit. */
    public static WritableImage render(Chart chart, ChartStyle style, ChartSize size, int scale) {
        return toFx(ChartExporter.image(chart, style, size, scale));
    }

    /** {@code image} must be TYPE_INT_ARGB, as {@link ChartExporter#image} makes it: its pixels are copied as is. */
    static WritableImage toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return fx;
    }
}
