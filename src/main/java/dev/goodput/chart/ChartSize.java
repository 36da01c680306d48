package dev.goodput.chart;

/** A chart's size in units (pixels at 1×, points in PDF). */
public record ChartSize(int width, int height) {
    /** A 16:9 slide. */
    public static final ChartSize SLIDE_16_9 = new ChartSize(1600, 900);
    /** A figure in a document or report page. */
    public static final ChartSize DOCUMENT = new ChartSize(1200, 600);

    public ChartSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("expected a positive chart size, got " + width + " x " + height);
        }
    }
}
