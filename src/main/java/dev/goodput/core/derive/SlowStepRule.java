package dev.goodput.core.derive;

/**
 * When a step is an outlier: slower than median + max(k × 1.4826 × MAD, 5% of the median).
 * One-sided, as in "median + 3·MAD": a fast step is still real progress. The 5% floor keeps ordinary
 * jitter of a percent or two from flagging thousands of steps in a regular log. The values are step times,
 * or step times per token (so a batch-size ramp is not a slowdown); the rule is the same.
 */
record SlowStepRule(double median, double limit) {
    static final double MIN_EXCESS_OF_MEDIAN = 0.05;

    /** The rule for the first {@code n} durations. */
    static SlowStepRule of(long[] durationsUs, int n, double k) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = durationsUs[i];
        }
        return ofScratch(values, k);
    }

    /** The rule for the values in {@code v}, which it rearranges and overwrites (one array for median and MAD). */
    static SlowStepRule ofScratch(double[] v, double k) {
        double median = Statistics.medianInPlace(v);
        // The MAD is the median of the deviations, whatever their order: the rearranged values serve.
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i] - median);
        }
        return of(median, Statistics.MAD_TO_SIGMA * Statistics.medianInPlace(v), k);
    }

    /** The rule for values whose median and scaled MAD ({@link Statistics#MAD_TO_SIGMA} × MAD) are known. */
    static SlowStepRule of(double median, double spread, double k) {
        return new SlowStepRule(median, median + Math.max(k * spread, MIN_EXCESS_OF_MEDIAN * median));
    }

    boolean slow(double value) {
        return value > limit;
    }
}
