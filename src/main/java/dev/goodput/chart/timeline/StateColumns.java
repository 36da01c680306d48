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
    /**
     * Per interval its state: an id that stays the same across the edits of one derivation (the bins keep it), shown
     * as the category {@link #categoryOf} gives, so new categories after an edit re-map ids instead of re-binning.
     */
    private final int[] state;
    private final int[] categoryOf;
    private final StateKeys keys;
    private final int categories;
    private final long origin;
    private final long limit;
    private final long binUs;
    /** levels[k]: offsets (bins+1), then state ids and µs per bin, CSR-style. */
    private final int[][] offsets;
    private final int[][] cats;
    private final float[][] micros;

    private StateColumns(long[] start, long[] end, int[] state, int[] categoryOf, StateKeys keys, int categories,
                         long origin, long span) {
        this.start = start;
        this.end = end;
        this.state = state;
        this.categoryOf = categoryOf;
        this.keys = keys;
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
    }

    /** The states of {@code d}'s intervals in {@code c}'s categories. */
    public static StateColumns of(Derivation d, StateCategories c) {
        List<Interval> iv = d.intervals();
        int n = iv.size();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] k = new int[n];
        StateKeys.Builder keys = StateKeys.EMPTY.builder();
        int i = 0;
        for (Interval x : iv) {
            s[i] = x.startUs();
            e[i] = x.endUs();
            k[i++] = keys.idOf(x.state());
        }
        StateKeys all = keys.build();
        StateColumns out = new StateColumns(s, e, k, all.categories(c), all, c.size(), d.window().startUs(),
                span(d.window().startUs(), d.window().endUs()));
        out.buildAll();
        return out;
    }

    /** From sorted, non-overlapping intervals (a partition) with their categories. */
    public static StateColumns of(long[] start, long[] end, int[] category, int categories, long windowStart,
                                  long windowEnd) {
        int[] identity = new int[categories];
        for (int c = 0; c < categories; c++) {
            identity[c] = c;
        }
        StateColumns out = new StateColumns(start, end, category, identity, null, categories, windowStart,
                span(windowStart, windowEnd));
        out.buildAll();
        return out;
    }

    private static long span(long windowStart, long windowEnd) {
        return Math.max(1, windowEnd - windowStart);
    }

    /**
     * These columns after an edit of the derivation they were made {@link #of(Derivation, StateCategories)}: its
     * intervals [from, to) replaced by {@code d}'s [newFrom, newTo) (the same span of time), shown in {@code c}'s
     * categories. Only the bins under that span and their ancestors are summed again; the result equals
     * {@code of(d, c)} bin for bin.
     */
    public StateColumns patched(Derivation d, StateCategories c, int from, int to, int newFrom, int newTo) {
        if (!followsEdits()) {
            throw new IllegalStateException("only columns of a derivation can follow its edits");
        }
        List<Interval> iv = d.intervals();
        StateKeys.Builder kb = keys.builder();
        int added = newTo - newFrom;
        int[] ids = new int[added];
        for (int i = 0; i < added; i++) {
            ids[i] = kb.idOf(iv.get(newFrom + i).state());
        }
        StateKeys nextKeys = kb.build();
        int n = start.length - (to - from) + added;
        boolean sameBounds = added == to - from;
        for (int i = 0; i < added && sameBounds; i++) {
            Interval x = iv.get(newFrom + i);
            sameBounds = x.startUs() == start[from + i] && x.endUs() == end[from + i];
        }
        // Tagging whole pieces keeps every boundary: the times are shared, only the states are new.
        long[] s = sameBounds ? start : splice(start, from, to, n);
        long[] e = sameBounds ? end : splice(end, from, to, n);
        int[] k = new int[n];
        System.arraycopy(state, 0, k, 0, from);
        System.arraycopy(state, to, k, from + added, state.length - to);
        for (int i = 0; i < added; i++) {
            if (!sameBounds) {
                Interval x = iv.get(newFrom + i);
                s[from + i] = x.startUs();
                e[from + i] = x.endUs();
            }
            k[from + i] = ids[i];
        }
        StateColumns out = new StateColumns(s, e, k, nextKeys.categories(c), nextKeys, c.size(), origin,
                limit - origin);
        if (from == to && added == 0) {
            out.shareBins(this);
        } else {
            // start[from] and end[to - 1] bound the span: a partition's edit keeps its ends.
            out.patchBins(this, binOf(start[from]), binOf(end[to - 1] - 1));
        }
        return out;
    }

    private static long[] splice(long[] a, int from, int to, int n) {
        long[] out = new long[n];
        System.arraycopy(a, 0, out, 0, from);
        int tail = a.length - to;
        System.arraycopy(a, to, out, n - tail, tail);
        return out;
    }

    private int binOf(long t) {
        return (int) Math.max(0, Math.min(FINEST_BINS - 1, (t - origin) / binUs));
    }

    /** Whether these columns were made of a derivation, so {@link #patched} can follow its edits. */
    public boolean followsEdits() {
        return keys != null;
    }

    public int categories() {
        return categories;
    }

    public int intervals() {
        return start.length;
    }

    /** Whether these columns hold the same intervals, states and bins as {@code o}, as shown (for tests). */
    boolean sameAs(StateColumns o) {
        if (!Arrays.equals(start, o.start) || !Arrays.equals(end, o.end) || categories != o.categories
                || origin != o.origin || limit != o.limit) {
            return false;
        }
        for (int i = 0; i < state.length; i++) {
            if (categoryOf[state[i]] != o.categoryOf[o.state[i]]) {
                return false;
            }
        }
        for (int k = 0; k < offsets.length; k++) {
            if (!Arrays.equals(offsets[k], o.offsets[k]) || !Arrays.equals(micros[k], o.micros[k])) {
                return false;
            }
            for (int x = 0; x < cats[k].length; x++) {
                if (categoryOf[cats[k][x]] != o.categoryOf[o.cats[k][x]]) {
                    return false;
                }
            }
        }
        return true;
    }

    private void buildAll() {
        IntList ids = new IntList();
        FloatList us = new FloatList();
        int[] off = new int[FINEST_BINS + 1];
        fillFinest(0, FINEST_BINS - 1, off, ids, us);
        offsets[0] = off;
        cats[0] = ids.toArray();
        micros[0] = us.toArray();
        for (int k = 1; k < offsets.length; k++) {
            int bins = offsets[k - 1].length / 2; // (lower bins + 1) / 2
            IntList mi = new IntList();
            FloatList mu = new FloatList();
            int[] mo = new int[bins + 1];
            fillMerged(k, 0, bins - 1, mo, mi, mu);
            offsets[k] = mo;
            cats[k] = mi.toArray();
            micros[k] = mu.toArray();
        }
    }

    private void shareBins(StateColumns from) {
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = from.offsets[k];
            cats[k] = from.cats[k];
            micros[k] = from.micros[k];
        }
    }

    /** The bins [b0, b1] of the finest level summed again, then their ancestors; the others are {@code from}'s. */
    private void patchBins(StateColumns from, int b0, int b1) {
        for (int k = 0; k < offsets.length; k++, b0 >>= 1, b1 >>= 1) {
            IntList ids = new IntList();
            FloatList us = new FloatList();
            int[] rel = new int[b1 - b0 + 2];
            if (k == 0) {
                fillFinest(b0, b1, rel, ids, us);
            } else {
                fillMerged(k, b0, b1, rel, ids, us);
            }
            int[] off = from.offsets[k];
            int cut0 = off[b0];
            int cut1 = off[b1 + 1];
            int delta = ids.size() - (cut1 - cut0);
            int[] no = new int[off.length];
            System.arraycopy(off, 0, no, 0, b0 + 1);
            for (int b = b0 + 1; b <= b1 + 1; b++) {
                no[b] = cut0 + rel[b - b0];
            }
            for (int b = b1 + 2; b < off.length; b++) {
                no[b] = off[b] + delta;
            }
            int[] oc = from.cats[k];
            float[] om = from.micros[k];
            int[] nc = new int[oc.length + delta];
            float[] nm = new float[om.length + delta];
            System.arraycopy(oc, 0, nc, 0, cut0);
            System.arraycopy(om, 0, nm, 0, cut0);
            ids.copyTo(nc, cut0);
            us.copyTo(nm, cut0);
            System.arraycopy(oc, cut1, nc, cut0 + ids.size(), oc.length - cut1);
            System.arraycopy(om, cut1, nm, cut0 + ids.size(), om.length - cut1);
            offsets[k] = no;
            cats[k] = nc;
            micros[k] = nm;
        }
    }

    /**
     * Sums the finest bins [b0, b1]: each bin's entries go to {@code ids}/{@code us}, and rel[b − b0 + 1] is where
     * bin b's end, counted from the first entry added.
     */
    private void fillFinest(int b0, int b1, int[] rel, IntList ids, FloatList us) {
        int base = ids.size();
        double[] scratch = new double[keysCount()];
        int[] touched = new int[scratch.length];
        int i = firstEndingAfter(origin + b0 * binUs);
        for (int b = b0; b <= b1; b++) {
            long bs = origin + b * binUs;
            long be = bs + binUs;
            int t = 0;
            int j = i;
            while (j < start.length && start[j] < be) {
                long ov = Math.min(end[j], be) - Math.max(start[j], bs);
                if (ov > 0) {
                    if (scratch[state[j]] == 0) {
                        touched[t++] = state[j];
                    }
                    scratch[state[j]] += ov;
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
            rel[b - b0 + 1] = ids.size() - base;
        }
    }

    /** Sums bins [b0, b1] of level k from their two children in level k − 1, as {@link #fillFinest}. */
    private void fillMerged(int k, int b0, int b1, int[] rel, IntList ids, FloatList us) {
        int base = ids.size();
        int[] lower = offsets[k - 1];
        int[] lowerCats = cats[k - 1];
        float[] lowerUs = micros[k - 1];
        double[] scratch = new double[keysCount()];
        int[] touched = new int[scratch.length];
        for (int b = b0; b <= b1; b++) {
            int t = 0;
            for (int child = 2 * b; child < Math.min(2 * b + 2, lower.length - 1); child++) {
                for (int e = lower[child]; e < lower[child + 1]; e++) {
                    int c = lowerCats[e];
                    if (scratch[c] == 0) {
                        touched[t++] = c;
                    }
                    scratch[c] += lowerUs[e];
                }
            }
            for (int q = 0; q < t; q++) {
                ids.add(touched[q]);
                us.add((float) scratch[touched[q]]);
                scratch[touched[q]] = 0;
            }
            rel[b - b0 + 1] = ids.size() - base;
        }
    }

    /** How many state ids there are (the size of a per-state scratch array). */
    private int keysCount() {
        return categoryOf.length;
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
                    out[x * categories + categoryOf[state[i]]] += (float) ov;
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
                add(out, x * categories, ids, us, off[b], off[b + 1], (float) ((e - s) / len * inv), categoryOf);
            } else {
                add(out, x * categories, ids, us, off[b], off[b + 1], (float) ((edge - s) / len * inv), categoryOf);
                add(out, (x + 1) * categories, ids, us, off[b], off[b + 1], (float) ((e - edge) / len * inv),
                        categoryOf);
            }
        }
    }

    private static void add(float[] out, int row, int[] ids, float[] us, int from, int to, float scale,
                            int[] categoryOf) {
        for (int e = from; e < to; e++) {
            out[row + categoryOf[ids[e]]] += us[e] * scale;
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

        void copyTo(int[] to, int at) {
            System.arraycopy(a, 0, to, at, n);
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

        void copyTo(float[] to, int at) {
            System.arraycopy(a, 0, to, at, n);
        }
    }
}
