package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;

import java.util.Arrays;
import java.util.List;

/**
 * Per-pixel-column summaries of a run's state intervals at any zoom, in time bounded by the pixels and not
 * by the number of intervals (as Perfetto's per-depth mipmaps): a pyramid of time bins, each holding how
 * long each state lasted in it (sparse), built once per derivation. A view narrower than the finest bins,
 * or with few intervals in it, is summarised from the intervals directly. Every state keeps its share of a
 * column, so intervals narrower than a pixel never vanish. Plain Java: testable and benchmarkable headless.
 */
public final class StateColumns {
    /** Finest bins across the window: 2^18 keeps the pyramid near 10 MB for any run. */
    static final int FINEST_BINS = 1 << 18;
    /** Up to this many intervals per column, summing intervals beats reading bins. */
    static final int DIRECT_PER_COLUMN = 4;

    private final long[] start;
    private final long[] end;
    private final int[] cat;
    private final int categories;
    private final long origin;
    private final long limit;
    private final long binUs;
    /** levels[k]: offsets (bins+1), then category ids and µs per bin, CSR-style. */
    private final int[][] offsets;
    private final int[][] cats;
    private final float[][] micros;

    private StateColumns(long[] start, long[] end, int[] cat, int categories, long origin, long span) {
        this.start = start;
        this.end = end;
        this.cat = cat;
        this.categories = categories;
        this.origin = origin;
        this.limit = origin + span;
        this.binUs = Math.max(1, (span + FINEST_BINS - 1) / FINEST_BINS);
        int levels = 1;
        for (int b = FINEST_BINS; b > 1; b >>= 1) {
            levels++;
        }
        offsets = new int[levels][];
        cats = new int[levels][];
        micros = new float[levels][];
        buildFinest();
        for (int k = 1; k < levels; k++) {
            merge(k);
        }
    }

    public static StateColumns of(Derivation d, StateCategories c) {
        List<Interval> iv = d.intervals();
        int n = iv.size();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            Interval x = iv.get(i);
            s[i] = x.startUs();
            e[i] = x.endUs();
            k[i] = c.of(x);
        }
        return of(s, e, k, c.size(), d.window().startUs(), d.window().endUs());
    }

    /** From sorted, non-overlapping intervals (a partition) with their categories. */
    public static StateColumns of(long[] start, long[] end, int[] category, int categories, long windowStart,
                                  long windowEnd) {
        return new StateColumns(start, end, category, categories, windowStart, Math.max(1, windowEnd - windowStart));
    }

    public int categories() {
        return categories;
    }

    public int intervals() {
        return start.length;
    }

    private void buildFinest() {
        int[] off = new int[FINEST_BINS + 1];
        IntList ids = new IntList();
        FloatList us = new FloatList();
        double[] scratch = new double[categories];
        int[] touched = new int[categories];
        int i = firstEndingAfter(origin);
        for (int b = 0; b < FINEST_BINS; b++) {
            long bs = origin + b * binUs;
            long be = bs + binUs;
            int t = 0;
            int j = i;
            while (j < start.length && start[j] < be) {
                long ov = Math.min(end[j], be) - Math.max(start[j], bs);
                if (ov > 0) {
                    if (scratch[cat[j]] == 0) {
                        touched[t++] = cat[j];
                    }
                    scratch[cat[j]] += ov;
                }
                if (end[j] <= be) {
                    j++;
                    i = j;
                } else {
                    break;
                }
            }
            for (int q = 0; q < t; q++) {
                ids.add(touched[q]);
                us.add((float) scratch[touched[q]]);
                scratch[touched[q]] = 0;
            }
            off[b + 1] = ids.size();
        }
        offsets[0] = off;
        cats[0] = ids.toArray();
        micros[0] = us.toArray();
    }

    private void merge(int k) {
        int[] lower = offsets[k - 1];
        int bins = (lower.length - 1 + 1) / 2;
        int[] off = new int[bins + 1];
        IntList ids = new IntList();
        FloatList us = new FloatList();
        double[] scratch = new double[categories];
        int[] touched = new int[categories];
        for (int b = 0; b < bins; b++) {
            int t = 0;
            for (int child = 2 * b; child < Math.min(2 * b + 2, lower.length - 1); child++) {
                for (int e = lower[child]; e < lower[child + 1]; e++) {
                    int c = cats[k - 1][e];
                    if (scratch[c] == 0) {
                        touched[t++] = c;
                    }
                    scratch[c] += micros[k - 1][e];
                }
            }
            for (int q = 0; q < t; q++) {
                ids.add(touched[q]);
                us.add((float) scratch[touched[q]]);
                scratch[touched[q]] = 0;
            }
            off[b + 1] = ids.size();
        }
        offsets[k] = off;
        cats[k] = ids.toArray();
        micros[k] = us.toArray();
    }

    /**
     * Shares of each state in each of {@code width} columns over [t0, t1): {@code out[x * categories + c]} is
     * the fraction of column x spent in category c (columns outside the data sum to less than 1).
     */
    public float[] summarize(long t0, long t1, int width) {
        float[] out = new float[Math.max(0, width) * categories];
        summarize(t0, t1, width, out);
        return out;
    }

    /** As {@link #summarize(long, long, int)}, into {@code out} (at least width × categories long; cleared). */
    public void summarize(long t0, long t1, int width, float[] out) {
        Arrays.fill(out, 0, Math.max(0, width) * categories, 0f);
        if (width <= 0 || t1 <= t0 || start.length == 0) {
            return;
        }
        double col = (double) (t1 - t0) / width;
        int first = firstEndingAfter(t0);
        int last = lastStartingBefore(t1);
        int level = level(col);
        if (level < 0 || last - first + 1 <= (long) DIRECT_PER_COLUMN * width) {
            direct(out, t0, col, width, first, last);
        } else {
            fromBins(out, t0, col, width, level);
        }
    }

    /** Bins per column at least, so splitting the two edge bins of a column in proportion errs little. */
    static final int BINS_PER_COLUMN = 2;

    /** The coarsest level with at least {@link #BINS_PER_COLUMN} bins per column, or -1 if none has. */
    private int level(double col) {
        int level = -1;
        long w = binUs;
        for (int k = 0; k < offsets.length && w * BINS_PER_COLUMN <= col; k++, w <<= 1) {
            level = k;
        }
        return level;
    }

    private void direct(float[] out, long t0, double col, int width, int first, int last) {
        for (int i = first; i <= last && i < start.length; i++) {
            double s = (start[i] - t0) / col;
            double e = (end[i] - t0) / col;
            int xs = (int) Math.max(0, Math.floor(s));
            int xe = (int) Math.min(width - 1, Math.ceil(e) - 1);
            for (int x = xs; x <= xe; x++) {
                double ov = Math.min(e, x + 1) - Math.max(s, x);
                if (ov > 0) {
                    out[x * categories + cat[i]] += (float) ov;
                }
            }
        }
    }

    /**
     * Walks the bins under the view once: a bin is at most half a column wide, so it falls in one column or
     * is split between two in proportion.
     */
    private void fromBins(float[] out, long t0, double col, int width, int level) {
        long bw = binUs << level;
        int[] off = offsets[level];
        int[] ids = cats[level];
        float[] us = micros[level];
        int bins = off.length - 1;
        double t1 = t0 + col * width;
        int b0 = (int) Math.max(0, Math.floor((t0 - origin) / (double) bw));
        int b1 = (int) Math.min(bins - 1, Math.floor((t1 - origin) / (double) bw));
        double inv = 1 / col;
        for (int b = b0; b <= b1; b++) {
            if (off[b] == off[b + 1]) {
                continue;
            }
            double bs = origin + (double) b * bw;
            double be = Math.min(bs + bw, limit); // the last bin ends with the data
            double s = Math.max(bs, t0);
            double e = Math.min(be, t1);
            if (e <= s) {
                continue;
            }
            double xs = (s - t0) * inv;
            int x = (int) xs;
            double edge = (x + 1) * col + t0; // where column x ends
            double len = be - bs;
            if (e <= edge || x + 1 >= width) {
                add(out, x * categories, ids, us, off[b], off[b + 1], (float) ((e - s) / len * inv));
            } else {
                add(out, x * categories, ids, us, off[b], off[b + 1], (float) ((edge - s) / len * inv));
                add(out, (x + 1) * categories, ids, us, off[b], off[b + 1], (float) ((e - edge) / len * inv));
            }
        }
    }

    private static void add(float[] out, int row, int[] ids, float[] us, int from, int to, float scale) {
        for (int e = from; e < to; e++) {
            out[row + ids[e]] += us[e] * scale;
        }
    }

    private int firstEndingAfter(long t) {
        int lo = 0;
        int hi = end.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int lastStartingBefore(long t) {
        int lo = 0;
        int hi = start.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** Growable int array. */
    private static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** Growable float array. */
    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
