package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.core.io.AtomicFile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Draws a chart to an image, or to a PNG, SVG or PDF file, always through the chart's own {@link Chart#paint}
 * so every output matches the screen; SVG and PDF are true vector drawings with real text. Holds no state:
 * safe to use from several threads at once.
 */
public final class ChartExporter {
    /** The scales a PNG may be written at (pixels per chart unit). */
    public static final List<Integer> PNG_SCALES = List.of(1, 2, 3);

    private ChartExporter() {
    }

    /**
     * The chart painted into a {@link BufferedImage#TYPE_INT_ARGB} image of {@code size × scale} pixels, for the
     * screen and the clipboard.
     *
     * @throws IllegalArgumentException if {@code scale} is below 1 or the image would be too large
     */
    public static BufferedImage image(Chart chart, ChartStyle style, ChartSize size, int scale) {
        return ChartRaster.render(chart, style, size, scale);
    }

    /**
     * Writes the chart to {@code out} (left open).
     *
     * @param scale pixels per chart unit for PNG, one of {@link #PNG_SCALES}; ignored by SVG and PDF
     * @throws IllegalArgumentException if the scale is not one a PNG may have
     */
    public static void write(Chart chart, ChartStyle style, ChartSize size, ChartFormat format, int scale,
                             OutputStream out) throws IOException {
        checkScale(format, scale);
        switch (format) {
            case PNG -> PngChartWriter.write(ChartRaster.render(chart, style, size, scale), out);
            case SVG -> SvgChartWriter.write(chart, style, size, out);
            case PDF -> PdfChartWriter.write(chart, style, size, out);
        }
        out.flush();
    }

    /**
     * Writes the chart to {@code file}, replacing it whole or not at all: the chart is written to a temporary
     * file beside it, which then takes its place. On any failure (the painting included) the temporary file
     * is removed and an existing file is left as it was.
     *
     * @throws IllegalArgumentException if the scale is not one a PNG may have
     */
    public static void write(Chart chart, ChartStyle style, ChartSize size, ChartFormat format, int scale,
                             Path file) throws IOException {
        checkScale(format, scale);
        AtomicFile.write(file, out -> write(chart, style, size, format, scale, out));
    }

    private static void checkScale(ChartFormat format, int scale) {
        if (format == ChartFormat.PNG && !PNG_SCALES.contains(scale)) {
            throw new IllegalArgumentException("cannot write a PNG at scale " + scale + ": expected one of "
                    + PNG_SCALES.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }
}
