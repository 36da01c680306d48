package dev.goodput.chart.timeline;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnStacksTest {

    /** Random shares: some states absent, some tiny, some columns short of full (past the data). */
    static float[] randomShares(SplittableRandom r, int width, int categories) {
        float[] s = new float[width * categories];
        for (int x = 0; x < width; x++) {
            double scale = r.nextInt(5) == 0 ? r.nextDouble() : 1;
            double[] v = new double[categories];
            double sum = 0;
            for (int c = 0; c < categories; c++) {
                v[c] = r.nextInt(3) == 0 ? 0 : Math.pow(r.nextDouble(), 1 + r.nextInt(8));
                sum += v[c];
            }
            for (int c = 0; c < categories; c++) {
                s[x * categories + c] = sum == 0 ? 0 : (float) (v[c] / sum * scale);
            }
        }
        return s;
    }

    @Test
    void aTinyShareGetsOneUnitTakenFromTheLargestState() {
        ColumnStacks s = new ColumnStacks();
        s.compute(new float[]{0.9f, 0.0001f, 0.0999f}, 3, 1, 20);
        assertEquals(3, s.runs(0));
        assertEquals(0, s.category(0, 0));
        assertEquals(17, s.top(0, 0), "productive gives up the unit the tiny state takes");
        assertEquals(1, s.top(0, 1) - s.bottom(0, 1));
        assertEquals(2, s.top(0, 2) - s.bottom(0, 2));
        assertEquals(20, s.top(0, 2));
    }

    @Test
    void aColumnPastTheDataIsStackedShortAndMoreStatesThanUnitsAreCut() {
        ColumnStacks s = new ColumnStacks();
        s.compute(new float[]{0.5f, 0, 0, 0, 0.25f, 0.25f, 0.25f, 0.25f}, 4, 2, 10);
        assertEquals(1, s.runs(0));
        assertEquals(5, s.top(0, 0), "half the column is data, the rest empty");
        assertEquals(4, s.runs(1));
        assertEquals(10, s.top(1, 3));
        s.compute(new float[]{0.25f, 0.25f, 0.25f, 0.25f}, 4, 1, 3);
        assertEquals(3, s.runs(0), "four states in three units: the top one is cut");
        assertEquals(3, s.top(0, 2));
    }

    @Test
    void whenTheLargestStateCannotPayForTheMinimumsTheNextLargestDoes() {
        // 4 units: the two 3/8 states round up to 2 each and the 1/8 states take their minimum of 1, six in
        // all; the largest can give only one unit back, so the other 3/8 gives the second.
        ColumnStacks s = new ColumnStacks();
        s.compute(new float[]{0.375f, 0.375f, 0.125f, 0.125f}, 4, 1, 4);
        assertEquals(4, s.runs(0), "no state is cut");
        for (int k = 0; k < 4; k++) {
            assertEquals(k + 1, s.top(0, k));
        }
    }

    /** Runs tile each column from the bottom, in category order, one per state present (while units last). */
    @Property(tries = 200)
    void runsTileEachColumnBottomUp(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                    @ForAll @IntRange(min = 1, max = 13) int categories,
                                    @ForAll @IntRange(min = 1, max = 80) int height) {
        SplittableRandom r = new SplittableRandom(seed);
        int width = 1 + r.nextInt(50);
        float[] shares = randomShares(r, width, categories);
        ColumnStacks s = new ColumnStacks();
        s.compute(shares, categories, width, height);
        for (int x = 0; x < width; x++) {
            int present = 0;
            for (int c = 0; c < categories; c++) {
                present += shares[x * categories + c] > 0 ? 1 : 0;
            }
            assertEquals(Math.min(present, height), s.runs(x), "column " + x);
            for (int k = 0; k < s.runs(x); k++) {
                assertTrue(s.top(x, k) > s.bottom(x, k) && s.top(x, k) <= height);
                assertTrue(shares[x * categories + s.category(x, k)] > 0);
                assertTrue(k == 0 || s.category(x, k) > s.category(x, k - 1));
            }
        }
    }

    /** The raster paints exactly the stacks: the shared computation is the screen's. */
    @Property(tries = 100)
    void theRasterPaintsTheStacks(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                  @ForAll @IntRange(min = 1, max = 13) int categories) {
        SplittableRandom r = new SplittableRandom(seed);
        int width = 1 + r.nextInt(60);
        int height = 1 + r.nextInt(70);
        float[] shares = randomShares(r, width, categories);
        int[] colours = new int[categories];
        for (int c = 0; c < categories; c++) {
            colours[c] = 0xFF000000 | (c + 1);
        }
        int[] px = new int[width * height];
        new StateLaneRaster().paint(shares, categories, colours, width, px, width, 0, height);
        ColumnStacks s = new ColumnStacks();
        s.compute(shares, categories, width, height);
        for (int x = 0; x < width; x++) {
            int k = 0;
            for (int u = 0; u < height; u++) {
                while (k < s.runs(x) && s.top(x, k) <= u) {
                    k++;
                }
                int expected = k < s.runs(x) ? colours[s.category(x, k)] : StatePalette.EMPTY;
                assertEquals(expected, px[(height - 1 - u) * width + x], "column " + x + " unit " + u);
            }
        }
    }

    @Test
    void oneRasterServesAWiderLaneWithFewerStates() {
        // Its buffers were once sized together, so a wider lane with fewer states overran the cursor array.
        StateLaneRaster raster = new StateLaneRaster();
        raster.paint(new float[100 * 12], 12, new int[12], 100, new int[100 * 10], 100, 0, 10);
        assertDoesNotThrow(() -> raster.paint(new float[1000 * 2], 2, new int[2], 1000, new int[1000 * 10], 1000,
                0, 10));
    }
}
