package dev.goodput.chart.timeline;

/**
 * Paints column summaries into an ARGB pixel buffer: each column the stack {@link ColumnStacks} works out
 * (productive at the bottom, causes above, at least one pixel per state present). Written row by row
 * (sequential memory) from per-column runs, so the cost is set by the pixels whether a column holds one
 * state or twelve. Plain Java, so frames can be drawn and measured without a display; not thread-safe (one
 * per view).
 */
public final class StateLaneRaster {
    /** Reused between calls, so painting allocates nothing once sized. */
    private final ColumnStacks stacks = new ColumnStacks();
    private int[] runColour = new int[0];
    private int[] cursor = new int[0];

    /**
     * @param shares  from {@link StateColumns#summarize}: width × categories fractions
     * @param pixels  the buffer, {@code stride} pixels per row; the lane fills rows [top, top + height)
     */
    public void paint(float[] shares, int categories, int[] colours, int width, int[] pixels, int stride,
                      int top, int height) {
        stacks.compute(shares, categories, width, height);
        int slots = stacks.slots();
        int[] runEnd = stacks.tops();
        int[] runCategory = stacks.categories();
        if (runColour.length < width * slots) {
            runColour = new int[width * slots];
        }
        if (cursor.length < width) { // sized apart: a wider lane may need fewer runs (fewer categories)
            cursor = new int[width];
        }
        // Colours looked up once per run, not per pixel; the closing NONE run is transparent up to the top.
        for (int x = 0; x < width; x++) {
            int k = x * slots;
            cursor[x] = k;
            for (int end = k + stacks.runs(x); k < end; k++) {
                runColour[k] = colours[runCategory[k]];
            }
            runColour[k] = StatePalette.EMPTY;
        }
        // Row by row (sequential writes): each column's cursor moves up at most one run per row.
        for (int r = 0; r < height; r++) {
            int rowStart = (top + height - 1 - r) * stride;
            for (int x = 0; x < width; x++) {
                int k = cursor[x];
                k += (runEnd[k] - 1 - r) >>> 31; // branch-free: +1 once row r passes the run
                cursor[x] = k;
                pixels[rowStart + x] = runColour[k];
            }
        }
    }
}
