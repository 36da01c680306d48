package dev.goodput.chart.timeline;

import dev.goodput.core.attribution.AttributedPartition;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;

import java.util.ArrayList;
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
     * These columns after an edit of the derivation they were made {@link #of(Derivation, StateCategories)}: each
     * difference's intervals [oldFrom, oldTo) replaced by {@code d}'s [newFrom, newTo) (the same span of time),
     * shown in {@code c}'s categories. Only the bins under those spans and their ancestors are summed again; the
     * result equals {@code of(d, c)} bin for bin.
     *
     * @param changes in time order, not overlapping
     */
    public StateColumns patched(Derivation d, StateCategories c, List<AttributedPartition.Difference> changes) {
        if (!followsEdits()) {
            throw new IllegalStateException("only columns of a derivation can follow its edits");
        }
        List<Interval> iv = d.intervals();
        StateKeys.Builder kb = keys.builder();
        int n = start.length;
        boolean sameBounds = true;
        for (AttributedPartition.Difference x : changes) {
            n += (x.newTo() - x.newFrom()) - (x.oldTo() - x.oldFrom());
            sameBounds &= x.newTo() - x.newFrom() == x.oldTo() - x.oldFrom();
            for (int i = 0; i < x.newTo() - x.newFrom() && sameBounds; i++) {
                Interval y = iv.get(x.newFrom() + i);
                sameBounds = y.startUs() == start[x.oldFrom() + i] && y.endUs() == end[x.oldFrom() + i];
            }
        }
        // Tagging whole pieces keeps every boundary: the times are shared, only the states are new.
        long[] s = sameBounds ? start : new long[n];
        long[] e = sameBounds ? end : new long[n];
        int[] k = new int[n];
        int was = 0;
        int at = 0;
        List<int[]> bins = new ArrayList<>();
        for (AttributedPartition.Difference x : changes) {
            at = copyKept(s, e, k, was, x.oldFrom(), at, sameBounds);
            for (int i = x.newFrom(); i < x.newTo(); i++, at++) {
                Interval y = iv.get(i);
                if (!sameBounds) {
                    s[at] = y.startUs();
                    e[at] = y.endUs();
                }
                k[at] = kb.idOf(y.state());
            }
            was = x.oldTo();
            // start[oldFrom] and end[oldTo - 1] bound the span: an edit of a partition keeps its ends.
            bins.add(new int[]{binOf(start[x.oldFrom()]), binOf(end[x.oldTo() - 1] - 1)});
        }
        copyKept(s, e, k, was, start.length, at, sameBounds);
        StateKeys nextKeys = kb.build();
        StateColumns out = new StateColumns(s, e, k, nextKeys.categories(c), nextKeys, c.size(), origin,
                limit - origin);
        if (bins.isEmpty()) {
            out.shareBins(this);
        } else {
            out.patchBins(this, bins);
        }
        return out;
    }

    /** Copies this one's intervals [from, to) to position {@code at} of the new arrays; returns where they end. */
    private int copyKept(long[] s, long[] e, int[] k, int from, int to, int at, boolean sameBounds) {
        int len = to - from;
        if (!sameBounds) {
            System.arraycopy(start, from, s, at, len);
            System.arraycopy(end, from, e, at, len);
        }
        System.arraycopy(state, from, k, at, len);
        return at + len;
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
        BinEntries entries = new BinEntries();
        int[] off = new int[FINEST_BINS + 1];
        fillFinest(0, FINEST_BINS - 1, off, entries);
        offsets[0] = off;
        cats[0] = entries.ids();
        micros[0] = entries.micros();
        for (int k = 1; k < offsets.length; k++) {
            int bins = offsets[k - 1].length / 2; // (lower bins + 1) / 2
            BinEntries merged = new BinEntries();
            int[] mo = new int[bins + 1];
            fillMerged(k, 0, bins - 1, mo, merged);
            offsets[k] = mo;
            cats[k] = merged.ids();
            micros[k] = merged.micros();
        }
    }

    private void shareBins(StateColumns from) {
        for (int level = 0; level < offsets.length; level++) {
            offsets[level] = from.offsets[level];
            cats[level] = from.cats[level];
            micros[level] = from.micros[level];
        }
    }

    /**
     * The finest bins in {@code ranges} ([b0, b1] each, in order) summed again, then their ancestors, level by level;
     * the other bins are {@code from}'s.
     */
    private void patchBins(StateColumns from, List<int[]> ranges) {
        List<int[]> at = merged(ranges);
        for (int level = 0; level < offsets.length; level++) {
            int[] off = from.offsets[level];
            // The ranges summed again first, so the level is made in arrays of its exact size.
            List<BinEntries> summed = new ArrayList<>();
            List<int[]> rels = new ArrayList<>();
            int size = from.cats[level].length;
            for (int[] r : at) {
                BinEntries e = new BinEntries(64);
                int[] rel = new int[r[1] - r[0] + 2];
                if (level == 0) {
                    fillFinest(r[0], r[1], rel, e);
                } else {
                    fillMerged(level, r[0], r[1], rel, e);
                }
                summed.add(e);
                rels.add(rel);
                size += e.size() - (off[r[1] + 1] - off[r[0]]);
            }
            int[] no = new int[off.length];
            int[] nc = new int[size];
            float[] nm = new float[size];
            int next = 0; // the first bin not yet in the new level
            for (int q = 0; q < at.size(); q++) {
                int[] r = at.get(q);
                keep(from, level, next, r[0], no, nc, nm);
                int base = no[r[0]];
                summed.get(q).copyTo(nc, nm, base);
                int[] rel = rels.get(q);
                for (int b = r[0] + 1; b <= r[1] + 1; b++) {
                    no[b] = base + rel[b - r[0]];
                }
                next = r[1] + 1;
            }
            keep(from, level, next, off.length - 1, no, nc, nm);
            offsets[level] = no;
            cats[level] = nc;
            micros[level] = nm;
            List<int[]> up = new ArrayList<>();
            for (int[] r : at) {
                up.add(new int[]{r[0] >> 1, r[1] >> 1});
            }
            at = merged(up);
        }
    }

    /** Copies {@code from}'s bins [b0, b1) of a level as they are, after the new level's bins before b0. */
    private static void keep(StateColumns from, int level, int b0, int b1, int[] no, int[] nc, float[] nm) {
        int[] off = from.offsets[level];
        int shift = no[b0] - off[b0];
        System.arraycopy(from.cats[level], off[b0], nc, no[b0], off[b1] - off[b0]);
        System.arraycopy(from.micros[level], off[b0], nm, no[b0], off[b1] - off[b0]);
        for (int b = b0 + 1; b <= b1; b++) {
            no[b] = off[b] + shift;
        }
    }

    /** Ranges in order with those that overlap or touch joined. */
    private static List<int[]> merged(List<int[]> ranges) {
        List<int[]> out = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new int[]{r[0], r[1]});
            }
        }
        return out;
    }

    /**
     * Sums the finest bins [b0, b1]: each bin's entries go to {@code out}, and rel[b − b0 + 1] is where bin b's
     * end, counted from the first entry added.
     */
    private void fillFinest(int b0, int b1, int[] rel, BinEntries out) {
        int base = out.size();
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
                out.add(touched[q], (float) scratch[touched[q]]);
                scratch[touched[q]] = 0;
            }
            rel[b - b0 + 1] = out.size() - base;
        }
    }

    /** Sums bins [b0, b1] of level k from their two children in level k − 1, as {@link #fillFinest}. */
    private void fillMerged(int k, int b0, int b1, int[] rel, BinEntries out) {
        int base = out.size();
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
                out.add(touched[q], (float) scratch[touched[q]]);
                scratch[touched[q]] = 0;
            }
            rel[b - b0 + 1] = out.size() - base;
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

    /** A level's bin entries as they are summed: each a state id and its time, in two growable parallel arrays. */
    private static final class BinEntries {
        private int[] ids;
        private float[] us;
        private int n;

        BinEntries() {
            this(1024);
        }

        BinEntries(int capacity) {
            ids = new int[Math.max(16, capacity)];
            us = new float[ids.length];
        }

        void add(int id, float micros) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                us = Arrays.copyOf(us, n * 2);
            }
            ids[n] = id;
            us[n++] = micros;
        }

        int size() {
            return n;
        }

        void copyTo(int[] toIds, float[] toUs, int at) {
            System.arraycopy(ids, 0, toIds, at, n);
            System.arraycopy(us, 0, toUs, at, n);
        }

        int[] ids() {
            return Arrays.copyOf(ids, n);
        }

        float[] micros() {
            return Arrays.copyOf(us, n);
        }
    }
}
