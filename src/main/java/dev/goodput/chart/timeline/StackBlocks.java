package dev.goodput.chart.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges each state's run with the same run (same state, bottom and top) in the columns beside it, so a
 * vector export holds one rectangle per block of unchanged state rather than one per column and state:
 * the same picture, a fraction of the shapes, and SVG and PDF files that stay small.
 */
public final class StackBlocks {
    private StackBlocks() {
    }

    /** The blocks of {@code s}: not overlapping, covering exactly the units its runs cover. */
    public static List<StackBlock> of(ColumnStacks s) {
        List<StackBlock> out = new ArrayList<>();
        int slots = s.slots();
        int[] startedPrev = new int[slots]; // the column where each run of the previous column began
        int[] started = new int[slots];
        boolean[] continued = new boolean[slots];
        for (int x = 0; x < s.width(); x++) {
            int prevN = x == 0 ? 0 : s.runs(x - 1);
            Arrays.fill(continued, false);
            int p = 0;
            for (int k = 0; k < s.runs(x); k++) {
                int c = s.category(x, k);
                while (p < prevN && s.category(x - 1, p) < c) { // both columns' runs are in category order
                    p++;
                }
                boolean same = p < prevN && s.category(x - 1, p) == c && s.bottom(x - 1, p) == s.bottom(x, k)
                        && s.top(x - 1, p) == s.top(x, k);
                started[k] = same ? startedPrev[p] : x;
                if (same) {
                    continued[p] = true;
                }
            }
            for (int q = 0; q < prevN; q++) {
                if (!continued[q]) {
                    out.add(block(s, x - 1, q, startedPrev[q]));
                }
            }
            int[] t = startedPrev;
            startedPrev = started;
            started = t;
        }
        int last = s.width() - 1;
        for (int q = 0; last >= 0 && q < s.runs(last); q++) {
            out.add(block(s, last, q, startedPrev[q]));
        }
        return out;
    }

    private static StackBlock block(ColumnStacks s, int x, int k, int firstColumn) {
        return new StackBlock(s.category(x, k), firstColumn, x, s.bottom(x, k), s.top(x, k));
    }
}
