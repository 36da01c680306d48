package dev.goodput.app.timeline;

/**
 * Where the key's entries go in rows of a given width (left to right, a gap between neighbours, a new row when the
 * next would overrun), and how many of them fit in a number of rows with a "+N more" toggle after the last. Plain
 * arithmetic on widths, so it is tested without a scene.
 *
 * @param shown  entries placed, from the first (the rest wait behind the toggle)
 * @param row    each shown entry's row, from 0
 * @param x      each shown entry's left edge
 * @param rows   rows used, the toggle's included
 * @param toggleX the toggle's left edge, or -1 for no toggle
 * @param toggleRow the toggle's row
 */
record KeyRows(int shown, int[] row, double[] x, int rows, double toggleX, int toggleRow) {

    /** Every entry placed, the toggle (the expanded key's "less") after the last. */
    static KeyRows all(double[] widths, double width, double gap, double toggleWidth) {
        return place(widths, widths.length, width, gap, toggleWidth);
    }

    /**
     * As many entries from the first as fit in {@code maxRows} rows with the toggle ({@code toggleWidth} wide) after
     * the last; all of them, and no toggle, when they fit without one.
     */
    static KeyRows fitted(double[] widths, double width, double gap, int maxRows, double toggleWidth) {
        KeyRows whole = place(widths, widths.length, width, gap, -1);
        return whole.rows <= maxRows ? whole : withToggle(widths, width, gap, maxRows, toggleWidth);
    }

    /** As many entries from the first as fit in {@code maxRows} rows with the toggle after the last (all, if they do). */
    static KeyRows withToggle(double[] widths, double width, double gap, int maxRows, double toggleWidth) {
        for (int n = widths.length; n > 0; n--) {
            KeyRows some = place(widths, n, width, gap, toggleWidth);
            if (some.rows <= maxRows) {
                return some;
            }
        }
        return place(widths, 0, width, gap, toggleWidth);
    }

    /** The first {@code n} entries placed, the toggle after them. */
    static KeyRows first(double[] widths, int n, double width, double gap, double toggleWidth) {
        return place(widths, n, width, gap, toggleWidth);
    }

    private static KeyRows place(double[] widths, int n, double width, double gap, double toggleWidth) {
        int[] row = new int[n];
        double[] x = new double[n];
        int r = 0;
        double next = 0;
        for (int i = 0; i < n; i++) {
            if (next > 0 && next + widths[i] > width) {
                r++;
                next = 0;
            }
            row[i] = r;
            x[i] = next;
            next += widths[i] + gap;
        }
        if (toggleWidth < 0) {
            return new KeyRows(n, row, x, n == 0 ? 0 : r + 1, -1, 0);
        }
        if (next > 0 && next + toggleWidth > width) {
            r++;
            next = 0;
        }
        return new KeyRows(n, row, x, r + 1, next, r);
    }
}
