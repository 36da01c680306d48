package dev.goodput.chart.timeline;

/**
 * Each column's stack of states in whole units (pixels on screen, cells in vector exports), bottom-up:
 * productive first, causes above in category order. A state with any share gets at least one unit (while
 * the column has units for every state), so a sub-pixel fault never disappears; rounding, and the units
 * that minimum takes, are settled on the column's largest state (and, should that run short, the next
 * largest). One computation for the screen raster and the vector chart, so both stack alike.
 * Reused between calls, allocating nothing once sized; not thread-safe.
 */
public final class ColumnStacks {
    /** The category of the run after a column's last: nothing (the empty top, e.g. past the data). */
    public static final int NONE = -1;

    private int[] units = new int[0];
    /** Per column, {@link #slots} runs: where each ends (units from the bottom) and its category. */
    private int[] tops = new int[0];
    private int[] categories = new int[0];
    private int[] runs = new int[0];
    private int width;
    private int height;
    private int slots;

    /**
     * Stacks {@code width} columns of {@code height} units.
     *
     * @param shares from {@link StateColumns#summarize}: width × categories fractions
     */
    public void compute(float[] shares, int categories, int width, int height) {
        this.width = width;
        this.height = height;
        this.slots = categories + 1; // every state, then the empty top
        if (units.length != categories) {
            units = new int[categories];
        }
        if (tops.length < width * slots) {
            tops = new int[width * slots];
            this.categories = new int[width * slots];
        }
        if (runs.length < width) {
            runs = new int[width];
        }
        for (int x = 0; x < width; x++) {
            stack(shares, x * categories, categories, x);
        }
    }

    private void stack(float[] shares, int base, int categories, int x) {
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
            units[c] = s > 0 ? Math.max(1, Math.round(s / Math.max(total, 1e-9f) * rows)) : 0;
            used += units[c];
            if (s > 0 && (largest < 0 || s > shares[base + largest])) {
                largest = c;
            }
        }
        if (largest >= 0) {
            units[largest] += rows - used;
            if (units[largest] < 1) { // rounding up and minimums took more than the largest state had
                shrink(1 - units[largest], categories);
                units[largest] = 1;
            }
        }
        // More states than units (a dozen causes in a thin lane): those that no longer fit are cut at the top.
        int k = x * slots;
        int y = 0;
        for (int c = 0; c < categories && y < height; c++) {
            if (units[c] > 0) {
                y = Math.min(height, y + units[c]);
                tops[k] = y;
                this.categories[k++] = c;
            }
        }
        runs[x] = k - x * slots;
        tops[k] = Integer.MAX_VALUE;
        this.categories[k] = NONE;
    }

    /**
     * Takes {@code shortfall} units from the states with the most, one at a time, none below one unit: else
     * the stack would overflow and its top state (perhaps the one fault in the column) be cut.
     */
    private void shrink(int shortfall, int categories) {
        for (; shortfall > 0; shortfall--) {
            int most = -1;
            for (int c = 0; c < categories; c++) {
                if (units[c] > 1 && (most < 0 || units[c] > units[most])) {
                    most = c;
                }
            }
            if (most < 0) {
                return; // more states than units: those at the top are cut
            }
            units[most]--;
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** How many states column x shows. */
    public int runs(int x) {
        return runs[x];
    }

    /** The category of column x's k-th run from the bottom. */
    public int category(int x, int k) {
        return categories[x * slots + k];
    }

    /** Where column x's k-th run starts, in units from the bottom. */
    public int bottom(int x, int k) {
        return k == 0 ? 0 : tops[x * slots + k - 1];
    }

    /** Where column x's k-th run ends (exclusive), in units from the bottom. */
    public int top(int x, int k) {
        return tops[x * slots + k];
    }

    /**
     * For painting loops: column x's runs start at {@code x * slots()} in {@link #tops()} and
     * {@link #categories()}, and end with a run of {@link #NONE} whose top is {@link Integer#MAX_VALUE}.
     */
    int slots() {
        return slots;
    }

    int[] tops() {
        return tops;
    }

    int[] categories() {
        return categories;
    }
}
