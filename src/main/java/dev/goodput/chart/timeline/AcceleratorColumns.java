package dev.goodput.chart.timeline;

import dev.goodput.chart.colour.CauseColours;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.Cause;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the allocation was in use, per pixel column at any zoom: each interval's split of the run's
 * accelerators into in use, hot spares ({@code hot_spares}) and idle ({@code idle_accelerators}), summarised as the
 * state lane is ({@link StateColumns}, one "category" per distinct split: a run has a handful), so the cost is set by
 * the pixels. BLOOM: 384 of 416 in use, 32 hot spares, through its productive time.
 */
public final class AcceleratorColumns {
    private final int capacity;
    private final StateColumns columns;
    /** Per split: in use, hot spares and idle, as fractions of the capacity. */
    private final float[] inUse;
    private final float[] spares;
    private final float[] idle;
    private final boolean partial;

    private AcceleratorColumns(int capacity, StateColumns columns, float[] inUse, float[] spares, float[] idle,
                               boolean partial) {
        this.capacity = capacity;
        this.columns = columns;
        this.inUse = inUse;
        this.spares = spares;
        this.idle = idle;
        this.partial = partial;
    }

    /** The split of {@code iv}: accelerators in use, hot spares, idle (of {@code capacity}). */
    public static int[] split(Interval iv, int capacity) {
        int used = Math.max(0, Math.min(capacity, iv.acceleratorsInUse()));
        int spare = Math.max(0, Math.min(capacity - used, iv.hotSpares()));
        return new int[]{used, spare, capacity - used - spare};
    }

    public static AcceleratorColumns of(Derivation d) {
        int capacity = Math.max(1, d.report().accelerators());
        List<Interval> iv = d.intervals();
        Map<Long, Integer> kinds = new HashMap<>();
        List<int[]> splits = new ArrayList<>();
        long[] s = new long[iv.size()];
        long[] e = new long[iv.size()];
        int[] k = new int[iv.size()];
        boolean partial = false;
        for (int i = 0; i < iv.size(); i++) {
            int[] split = split(iv.get(i), capacity);
            partial |= split[0] < capacity;
            long key = ((long) split[0] << 32) | split[1];
            Integer kind = kinds.get(key);
            if (kind == null) {
                kind = splits.size();
                kinds.put(key, kind);
                splits.add(split);
            }
            s[i] = iv.get(i).startUs();
            e[i] = iv.get(i).endUs();
            k[i] = kind;
        }
        float[] use = new float[splits.size()];
        float[] spare = new float[splits.size()];
        float[] idle = new float[splits.size()];
        for (int j = 0; j < splits.size(); j++) {
            use[j] = (float) splits.get(j)[0] / capacity;
            spare[j] = (float) splits.get(j)[1] / capacity;
            idle[j] = (float) splits.get(j)[2] / capacity;
        }
        StateColumns c = StateColumns.of(s, e, k, Math.max(1, splits.size()), d.window().startUs(),
                d.window().endUs());
        return new AcceleratorColumns(capacity, c, use, spare, idle, partial);
    }

    /** The colour of a part not in use ({@code hot_spares}, {@code idle_accelerators}): its cause's, as shown. */
    public static int partColour(StateCategories c, Cause cause) {
        int category = c.indexOf(cause.layer(), cause.id());
        return category >= 0 ? c.colour(category) : CauseColours.fixed(cause.id());
    }

    /** Whether any interval holds hot spares ({@code spares}) or idle accelerators (else). */
    public boolean any(boolean spares) {
        for (int j = 0; j < inUse.length; j++) {
            if ((spares ? this.spares[j] : idle[j]) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether any interval leaves part of the allocation out of use (else the lane has nothing to tell). */
    public boolean partial() {
        return partial;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * The time-weighted shares of the allocation in use, held as hot spares and idle, per column of [t0, t1), into the
     * three arrays (at least {@code width} long). Thread-safe (the screen and an export may draw at once).
     */
    public void summarize(long t0, long t1, int width, float[] inUseOut, float[] sparesOut, float[] idleOut) {
        int kinds = columns.categories();
        float[] scratch = columns.summarize(t0, t1, width);
        for (int x = 0; x < width; x++) {
            float u = 0;
            float sp = 0;
            float id = 0;
            for (int j = 0; j < kinds && j < inUse.length; j++) {
                float share = scratch[x * kinds + j];
                u += share * inUse[j];
                sp += share * spares[j];
                id += share * idle[j];
            }
            inUseOut[x] = u;
            sparesOut[x] = sp;
            idleOut[x] = id;
        }
    }
}
