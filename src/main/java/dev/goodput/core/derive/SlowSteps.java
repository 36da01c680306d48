package dev.goodput.core.derive;

import java.util.Arrays;

/**
 * The steps that would have been steady state but were slow outliers ({@link SlowStepRule}): their time is
 * still kept progress, but their excess over the typical step, d − τ·k (τ the typical time per token, k the
 * step's tokens; per step when the steps carry no tokens), is the model-layer cause {@code slow_steps}. A
 * sustained slowdown is not an outlier to be ignored: without this, it would cost nothing anywhere.
 * Immutable; rows are the run's step-table rows, in start order.
 */
public final class SlowSteps {
    /** No candidate step to compare. */
    public static final SlowSteps NONE = new SlowSteps(new int[0], new long[0], new long[0], new int[0], Double.NaN,
            false, new ExactSum());

    private final int[] rows;
    private final long[] excessUs;
    private final long[] units;
    private final int[] accelerators;
    private final double typicalUs;
    private final boolean perToken;
    private final ExactSum acceleratorUs;

    SlowSteps(int[] rows, long[] excessUs, long[] units, int[] accelerators, double typicalUs, boolean perToken,
              ExactSum acceleratorUs) {
        this.rows = rows;
        this.excessUs = excessUs;
        this.units = units;
        this.accelerators = accelerators;
        this.typicalUs = typicalUs;
        this.perToken = perToken;
        this.acceleratorUs = acceleratorUs;
    }

    public int count() {
        return rows.length;
    }

    /** The step-table row of the {@code i}-th slow step. */
    public int row(int i) {
        return rows[i];
    }

    /** How much longer than typical the {@code i}-th slow step took (µs). */
    public long excessUs(int i) {
        return excessUs[i];
    }

    /** Its tokens when typical time is per token, else 1. */
    public long units(int i) {
        return units[i];
    }

    /** The accelerators in use while the {@code i}-th slow step ran: its excess counts on each of them. */
    public int accelerators(int i) {
        return accelerators[i];
    }

    /** The {@code i}-th slow step's typical duration (µs): τ × its tokens, or τ per step. */
    public long typicalDurationUs(int i) {
        return Math.round(typicalUs * units[i]);
    }

    /** The index of the slow step at step-table row {@code row}, or -1 when that step was not slow. */
    public int indexOfRow(int row) {
        int i = Arrays.binarySearch(rows, row);
        return i >= 0 ? i : -1;
    }

    /** The typical time (µs) per token ({@link #perToken()}) or per step: the candidates' median; NaN with none. */
    public double typicalUs() {
        return typicalUs;
    }

    /** True when step time was measured per token (the steps carry token counts), false when per step. */
    public boolean perToken() {
        return perToken;
    }

    /** Σ excess × accelerators in use, in accelerator-µs (summed exactly). */
    public double acceleratorUs() {
        return acceleratorUs.value();
    }
}
