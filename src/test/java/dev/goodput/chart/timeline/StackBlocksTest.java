package dev.goodput.chart.timeline;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackBlocksTest {

    @Test
    void unchangedRunsMergeAcrossColumnsAndChangedOnesSplit() {
        // Columns 0-2 all productive; column 3 has a cause on top; columns 4-5 productive again.
        float[] shares = {1, 0, 1, 0, 1, 0, 0.5f, 0.5f, 1, 0, 1, 0};
        ColumnStacks s = new ColumnStacks();
        s.compute(shares, 2, 6, 10);
        assertEquals(List.of(
                new StackBlock(0, 0, 2, 0, 10),
                new StackBlock(0, 3, 3, 0, 5),
                new StackBlock(1, 3, 3, 5, 10),
                new StackBlock(0, 4, 5, 0, 10)), StackBlocks.of(s));
    }

    @Test
    void aRunKeepsItsBlockWhenAStateBelowItChangesButNotItsPlace() {
        // Cause 2 sits at units [6, 10) in both columns, above productive (col 0) or productive and cause 1.
        ColumnStacks s = new ColumnStacks();
        s.compute(new float[]{0.6f, 0, 0.4f, 0.3f, 0.3f, 0.4f}, 3, 2, 10);
        assertTrue(StackBlocks.of(s).contains(new StackBlock(2, 0, 1, 6, 10)));
    }

    /** The blocks cover every unit of every run exactly once, and nothing else. */
    @Property(tries = 200)
    void blocksTileTheStacksExactly(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                    @ForAll @IntRange(min = 1, max = 13) int categories) {
        SplittableRandom r = new SplittableRandom(seed);
        int width = 1 + r.nextInt(80);
        int height = 1 + r.nextInt(40);
        float[] shares = ColumnStacksTest.randomShares(r, width, categories);
        // Repeat columns so that there is something to merge.
        for (int x = 1; x < width; x++) {
            if (r.nextBoolean()) {
                System.arraycopy(shares, (x - 1) * categories, shares, x * categories, categories);
            }
        }
        ColumnStacks s = new ColumnStacks();
        s.compute(shares, categories, width, height);
        int[][] painted = new int[width][height];
        for (int[] col : painted) {
            java.util.Arrays.fill(col, -1);
        }
        for (StackBlock b : StackBlocks.of(s)) {
            for (int x = b.firstColumn(); x <= b.lastColumn(); x++) {
                for (int u = b.bottom(); u < b.top(); u++) {
                    assertEquals(-1, painted[x][u], "overlap at " + x + ", " + u);
                    painted[x][u] = b.category();
                }
            }
        }
        for (int x = 0; x < width; x++) {
            int k = 0;
            for (int u = 0; u < height; u++) {
                while (k < s.runs(x) && s.top(x, k) <= u) {
                    k++;
                }
                assertEquals(k < s.runs(x) ? s.category(x, k) : -1, painted[x][u], "column " + x + " unit " + u);
            }
        }
    }
}
