package dev.goodput.chart.timeline;

/**
 * Paints column summaries into an ARGB pixel buffer: each column a stack of its states' shares, productive
 * at the bottom, causes above in category order. A state with any share gets at least one pixel, so a
 * sub-pixel fault never disappears. Written row by row (sequential memory) from per-column runs, so the
 * cost is set by the pixels whether a column holds one state or twelve. Plain Java, so frames can be drawn
 * and measured without a display; not thread-safe (one per view).
 */
public final class StateLaneRaster {
    /** Reused between calls, so painting allocates nothing once sized. */
    private int[] px = new int[0];
    private int[] runEnd = new int[0];
    private int[] runColour = new int[0];
    private int[] cursor = new int[0];

    /**
     * @param shares  from {@link StateColumns#summarize}: width × categories fractions
     * @param pixels  the buffer, {@code stride} pixels per row; the lane fills rows [top, top + height)
     */
    public void paint(float[] shares, int categories, int[] colours, int width, int[] pixels, int stride,
                      int top, int height) {
        int slots = categories + 1;
        if (px.length != categories) {
            px = new int[categories];
        }
        if (runEnd.length < width * slots) {
            runEnd = new int[width * slots];
            runColour = new int[width * slots];
            cursor = new int[width];
        }
        // Per column, its runs bottom-up: runEnd[x * (categories + 1) + k] is the row (from the bottom) where run
        // k ends, runColour the run's colour; a last run of EMPTY fills up to the top.
        for (int x = 0; x < width; x++) {
            int base = x * categories;
            float total = 0;
            int nonzero = 0;
            for (int c = 0; c < categories; c++) {
                total += shares[base + c];
                if (shares[base + c] > 0) {
                    nonzero++;
                }
            }
            int rows = Math.round(Math.min(1f, total) * height);
            if (nonzero > 0) {
                rows = Math.max(rows, Math.min(height, nonzero));
            }
            int used = 0;
            int largest = -1;
            for (int c = 0; c < categories; c++) {
                float s = shares[base + c];
                px[c] = s > 0 ? Math.max(1, Math.round(s / Math.max(total, 1e-9f) * rows)) : 0;
                used += px[c];
                if (s > 0 && (largest < 0 || s > shares[base + largest])) {
                    largest = c;
                }
            }
            if (largest >= 0) { // rounding and the one-pixel minimum are settled on the largest state
                px[largest] = Math.max(1, px[largest] + rows - used);
            }
            int k = x * slots;
            int y = 0;
            for (int c = 0; c < categories && y < height; c++) {
                if (px[c] > 0) {
                    y = Math.min(height, y + px[c]);
                    runEnd[k] = y;
                    runColour[k++] = colours[c];
                }
            }
            runEnd[k] = Integer.MAX_VALUE;
            runColour[k] = StatePalette.EMPTY;
        }
        // Row by row (sequential writes): each column's cursor moves up at most one run per row.
        for (int x = 0; x < width; x++) {
            cursor[x] = x * slots;
        }
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
