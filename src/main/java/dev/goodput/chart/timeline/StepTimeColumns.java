package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.util.Arrays;

/**
 * The slowest step time per pixel column, at any zoom, from a pyramid of per-bin maxima built once: the step-time
 * lane's heat strip costs pixels, not steps, and a single slow step stays visible at every zoom.
 */
public final class StepTimeColumns {
    static final int FINEST_BINS = 1 << 16;

    private final long origin;
    private final long binUs;
    private final float[][] maxSeconds;
    private final double typicalSeconds;
    private final double anomalySeconds;

    private StepTimeColumns(long origin, long binUs, float[][] maxSeconds, double typical, double anomaly) {
        this.origin = origin;
        this.binUs = binUs;
        this.maxSeconds = maxSeconds;
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
        for (int i = 0; i < s.size(); i++) {
            long start = s.startUs(i);
            long end = s.endUs(i);
            if (!Times.known(end) && i + 1 < s.size()) {
                long next = s.startUs(i + 1);
                end = Double.isNaN(typical) || next - start <= 20 * typical * 1e6 ? next : Times.UNKNOWN;
            }
            if (!Times.known(end) || start < origin || start >= origin + span) {
                continue;
            }
            int b = (int) Math.min(FINEST_BINS - 1, (start - origin) / binUs);
            finest[b] = Math.max(finest[b], (float) ((end - start) / 1e6));
        }
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
        // Anomalous as in the report: slower than median + max(3 scaled MADs, 5%); approximated from its figures.
        double anomaly = Double.isNaN(typical) ? Double.NaN
                : typical + Math.max(3 * d.report().steps().scaledMadSeconds(), 0.05 * typical);
        return new StepTimeColumns(origin, binUs, max, typical, anomaly);
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
        Arrays.fill(out, 0, Math.max(0, width), 0f);
        if (width <= 0 || t1 <= t0) {
            return;
        }
        double col = (double) (t1 - t0) / width;
        int level = 0;
        while (level + 1 < maxSeconds.length && (binUs << (level + 1)) <= col) {
            level++;
        }
        long bw = binUs << level;
        float[] bins = maxSeconds[level];
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
