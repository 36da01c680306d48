package dev.goodput.core.sim;

/**
 * How long training steps take.
 *
 * @param seconds              mean step time
 * @param jitter               relative standard deviation of ordinary steps (0.01: ±1%)
 * @param slowStepProbability  chance a step is a straggler (GC pause, slow rank, storage hiccup)
 * @param slowStepMaxFactor    a straggler takes 1.5× up to this many times the mean
 */
public record StepTiming(double seconds, double jitter, double slowStepProbability, double slowStepMaxFactor) {
    public StepTiming {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("step time must be positive");
        }
        if (jitter < 0 || slowStepProbability < 0 || slowStepProbability > 1 || slowStepMaxFactor < 1.5) {
            throw new IllegalArgumentException("expected jitter ≥ 0, a probability, and a slow factor ≥ 1.5");
        }
    }

    /**
     * The step time at which {@code model} on {@code cluster} runs at {@code mfu}: Llama 3 405B reports about
     * 400 TFLOP/s per GPU on 16,384 H100s (paper Table 4), about 6.7 s per 16M-token step.
     */
    public static StepTiming atMfu(ModelShape model, Cluster cluster, double mfu) {
        double seconds = model.flopsPerStep() / (mfu * cluster.accelerators() * cluster.peakFlops());
        return new StepTiming(seconds, 0.01, 5e-5, 4.0);
    }

    public StepTiming withSeconds(double s) {
        return new StepTiming(s, jitter, slowStepProbability, slowStepMaxFactor);
    }
}
