package dev.goodput.app.timeline;

/**
 * Paints column summaries into an ARGB pixel buffer: each column a stack of its states' shares, productive
 * at the bottom, causes above in category order. A state with any share gets at least one pixel, so a
 * sub-pixel fault never disappears. Plain Java, so frames can be drawn and measured without a display.
 */
public final class StateLaneRaster {
    private StateLaneRaster() {
    }

    /**
     * @param shares  from {@link StateColumns#summarize}: width × categories fractions
     * @param pixels  the buffer, {@code stride} pixels per row; the lane fills rows [top, top + height)
     */
    public static void paint(float[] shares, int categories, int[] colours, int width, int[] pixels, int stride,
                             int top, int height) {
        int[] px = new int[categories];
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
            int y = top + height; // draw upward from the bottom
            for (int c = 0; c < categories && y > top; c++) {
                for (int k = 0; k < px[c] && y > top; k++) {
                    y--;
                    pixels[y * stride + x] = colours[c];
                }
            }
            for (; y > top; y--) {
                pixels[(y - 1) * stride + x] = StatePalette.EMPTY;
            }
        }
    }
}
