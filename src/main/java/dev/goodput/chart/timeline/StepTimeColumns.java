package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.SlowSteps;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.util.Arrays;

/**
 * The slowest step time per pixel column, at any zoom, from a pyramid of per-bin maxima built once: the step-time
 * lane's heat strip costs pixels, not steps, and a single slow step stays visible at every zoom. A second pyramid
 * holds the largest excess of a slow step (the derivation's {@code slow_steps}) per bin, so the columns with one are
 * marked in that cause's colour at any zoom too.
 */
public final class StepTimeColumns {
    static final int FINEST_BINS = 1 << 16;

    private final long origin;
    private final long binUs;
    private final float[][] maxSeconds;
    private final float[][] maxSlowExcess;
    private final double typicalSeconds;
    private final double anomalySeconds;

    private StepTimeColumns(long origin, long binUs, float[][] maxSeconds, float[][] maxSlowExcess, double typical,
                            double anomaly) {
        this.origin = origin;
        this.binUs = binUs;
        this.maxSeconds = maxSeconds;
        this.maxSlowExcess = maxSlowExcess;
        this.typicalSeconds = typical;
        this.anomalySeconds = anomaly;
    }

    /** Step durations are the logged ends, else the next step's start when that is under 20 typical steps. */
    public static StepTimeColumns of(Derivation d) {
        StepTable s = d.run().steps();
        long origin = d.window().startUs();
        long span = Math.max(1, d.window().durationUs());
        long binUs = Math.max(1, (span + FINEST_BINS - 1) / FINEST_BINS);
        double typical = d.report().steps().typicalSeconds();
        float[] finest = new float[FINEST_BINS];
        // The first step of each attempt is left out, as the report's step statistics leave it out: it also compiles
        // and warms up (its excess is program_startup in the run-state lane), so it is not anomalous.
        java.util.BitSet firstOfAttempt = new java.util.BitSet(s.size());
        for (var a : d.attempts()) {
            int row = s.firstStartingAtOrAfter(a.startUs());
            if (row < s.size() && s.startUs(row) <= a.endUs()) {
                firstOfAttempt.set(row);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            if (firstOfAttempt.get(i)) {
                continue;
            }
            long start = s.startUs(i);
            long end = end(s, i, typical);
            if (!Times.known(end) || start < origin || start >= origin + span) {
                continue;
            }
            int b = (int) Math.min(FINEST_BINS - 1, (start - origin) / binUs);
            finest[b] = Math.max(finest[b], (float) ((end - start) / 1e6));
        }
        float[] slowest = new float[FINEST_BINS];
        SlowSteps slow = d.slowSteps();
        for (int i = 0; i < slow.count(); i++) {
            long start = s.startUs(slow.row(i));
            if (start >= origin && start < origin + span) {
                int b = (int) Math.min(FINEST_BINS - 1, (start - origin) / binUs);
                // At least a float's smallest step above 0: a slow step marks its column however small its excess.
                slowest[b] = Math.max(slowest[b], Math.max(Float.MIN_NORMAL, (float) (slow.excessUs(i) / 1e6)));
            }
        }
        // Anomalous as in the report: slower than median + max(3 scaled MADs, 5%); approximated from its figures.
        double anomaly = Double.isNaN(typical) ? Double.NaN
                : typical + Math.max(3 * d.report().steps().scaledMadSeconds(), 0.05 * typical);
        return new StepTimeColumns(origin, binUs, pyramid(finest), pyramid(slowest), typical, anomaly);
    }

    /**
     * A step's end as the lane draws it: the logged end, else the next step's start when that is under 20 typical
     * steps later; {@link Times#UNKNOWN} otherwise.
     */
    static long end(StepTable s, int row, double typicalSeconds) {
        if (Times.known(s.endUs(row))) {
            return s.endUs(row);
        }
        if (row + 1 >= s.size()) {
            return Times.UNKNOWN;
        }
        long next = s.startUs(row + 1);
        return Double.isNaN(typicalSeconds) || next - s.startUs(row) <= 20 * typicalSeconds * 1e6 ? next
                : Times.UNKNOWN;
    }

    /** Per-bin maxima at every power-of-two bin width, finest first. */
    private static float[][] pyramid(float[] finest) {
        int levels = 17;
        float[][] max = new float[levels][];
        max[0] = finest;
        for (int k = 1; k < levels; k++) {
            float[] lower = max[k - 1];
            float[] up = new float[(lower.length + 1) / 2];
            for (int b = 0; b < up.length; b++) {
                up[b] = Math.max(lower[2 * b], 2 * b + 1 < lower.length ? lower[2 * b + 1] : 0);
            }
            max[k] = up;
        }
        return max;
    }

    public double typicalSeconds() {
        return typicalSeconds;
    }

    public double anomalySeconds() {
        return anomalySeconds;
    }

    /** The slowest step (seconds) starting in each of {@code width} columns over [t0, t1); 0 where none. */
    public float[] slowest(long t0, long t1, int width) {
        float[] out = new float[Math.max(0, width)];
        slowest(t0, t1, width, out);
        return out;
    }

    /** As {@link #slowest(long, long, int)}, into {@code out} (at least width long). */
    public void slowest(long t0, long t1, int width, float[] out) {
        columnMaxima(maxSeconds, t0, t1, width, out);
    }

    /**
     * The largest excess over typical (seconds) of a slow step starting in each of {@code width} columns over
     * [t0, t1), into {@code out}; 0 where none was slow.
     */
    public void slowExcess(long t0, long t1, int width, float[] out) {
        columnMaxima(maxSlowExcess, t0, t1, width, out);
    }

    private void columnMaxima(float[][] pyramid, long t0, long t1, int width, float[] out) {
        Arrays.fill(out, 0, Math.max(0, width), 0f);
        if (width <= 0 || t1 <= t0) {
            return;
        }
        double col = (double) (t1 - t0) / width;
        int level = 0;
        while (level + 1 < pyramid.length && (binUs << (level + 1)) <= col) {
            level++;
        }
        long bw = binUs << level;
        float[] bins = pyramid[level];
        for (int x = 0; x < width; x++) {
            double cs = t0 + x * col;
            int b0 = (int) Math.max(0, Math.floor((cs - origin) / bw));
            int b1 = (int) Math.min(bins.length - 1, Math.floor((cs + col - 1e-9 - origin) / bw));
            float m = 0;
            for (int b = b0; b <= b1; b++) {
                m = Math.max(m, bins[b]);
            }
            out[x] = m;
        }
    }
}
