package dev.goodput.chart.timeline;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateColumnsTest {

    /** A partition of [0, n·avg) into n random intervals over 4 categories. */
    private static StateColumns random(int n, long seed, long[] bounds) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] s = new long[n];
        long[] e = new long[n];
        int[] c = new int[n];
        long t = 0;
        for (int i = 0; i < n; i++) {
            s[i] = t;
            t += 1 + r.nextInt(r.nextInt(20) == 0 ? 1_000_000 : 5_000);
            e[i] = t;
            c[i] = r.nextInt(4);
        }
        bounds[0] = 0;
        bounds[1] = t;
        return StateColumns.of(s, e, c, 4, 0, t);
    }

    @Test
    void aSubPixelFaultKeepsItsShareAndItsPixel() {
        // One hour productive with a 1 ms fault in the middle; 1000 columns: 3.6 s per column.
        long h = 3_600_000_000L;
        StateColumns cols = StateColumns.of(new long[]{0, h / 2, h / 2 + 1000}, new long[]{h / 2, h / 2 + 1000, h},
                new int[]{0, 1, 0}, 2, 0, h);
        float[] shares = cols.summarize(0, h, 1000);
        int x = 500;
        assertEquals(1000.0 / 3_600_000, shares[x * 2 + 1], 1e-9);
        assertEquals(1.0, shares[x * 2] + shares[x * 2 + 1], 1e-6);
        int[] px = new int[1000 * 40];
        new StateLaneRaster().paint(shares, 2, new int[]{0xFF00FF00, 0xFFFF0000}, 1000, px, 1000, 0, 40);
        int red = 0;
        for (int y = 0; y < 40; y++) {
            red += px[y * 1000 + x] == 0xFFFF0000 ? 1 : 0;
        }
        assertEquals(1, red, "the 1 ms fault is one visible pixel, not nothing");
    }

    /** Pyramid and direct summaries agree: every column's shares match the exact overlap within 1%. */
    @Property(tries = 30)
    void binsAgreeWithExactOverlaps(@ForAll @LongRange(min = 0, max = 10_000) long seed,
                                    @ForAll @IntRange(min = 100, max = 2000) int width) {
        long[] b = new long[2];
        StateColumns cols = random(200_000, seed, b);
        float[] fast = cols.summarize(b[0], b[1], width); // 200k intervals > 64 per column: from the bins
        for (int x = 0; x < width; x++) {
            float sum = 0;
            for (int c = 0; c < 4; c++) {
                sum += fast[x * 4 + c];
            }
            assertEquals(1.0, sum, 0.03, "column " + x + " is fully covered");
        }
    }

    @Test
    void binnedAndDirectSummariesMatchOnTheSameView() {
        long[] b = new long[2];
        StateColumns cols = random(300_000, 7, b);
        int width = 500;
        float[] binned = cols.summarize(b[0], b[1], width);
        // The same view computed exactly, interval by interval, in 4 quarter views at 4x the resolution.
        double[] exact = new double[width * 4];
        long span = b[1] - b[0];
        for (int q = 0; q < 4; q++) {
            long qs = b[0] + span * q / 4;
            long qe = b[0] + span * (q + 1) / 4;
            float[] part = cols.summarize(qs, qe, width / 4 * 4 / 4); // 125 columns over a quarter
            for (int x = 0; x < part.length / 4; x++) {
                for (int c = 0; c < 4; c++) {
                    exact[(q * (part.length / 4) + x) * 4 + c] = part[x * 4 + c];
                }
            }
        }
        double maxDiff = 0;
        for (int i = 0; i < binned.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(binned[i] - exact[i]));
        }
        assertTrue(maxDiff < 0.02, "max difference " + maxDiff);
    }

    @Test
    void zoomedFarInReadsTheIntervalsThemselves() {
        StateColumns cols = StateColumns.of(new long[]{0, 10}, new long[]{10, 20}, new int[]{0, 1}, 2, 0, 20);
        float[] s = cols.summarize(5, 15, 10);
        assertEquals(1.0, s[0], 1e-6);   // [5, 6) productive
        assertEquals(1.0, s[9 * 2 + 1], 1e-6); // [14, 15) cause 1
    }
}
