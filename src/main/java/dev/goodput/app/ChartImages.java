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

    static WritableImage toFx(BufferedImage image) {
        BufferedImage argb = image;
        if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
            argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            argb.createGraphics().drawImage(image, 0, 0, null);
        }
        int w = argb.getWidth();
        int h = argb.getHeight();
        int[] pixels = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return fx;
    }
}
