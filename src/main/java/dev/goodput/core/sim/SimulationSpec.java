package dev.goodput.core.sim;

import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.RunMetadata;

import java.time.Instant;
import java.util.Locale;

/**
 * Everything a simulated run depends on; the same spec always gives the same run. Defaults and the
 * reasoning behind each assumption are in {@link #llama3} and the component records.
 *
 * @param seed     seeds every random draw
 * @param name     the run name in the log header
 * @param startUs  first job start, epoch microseconds
 * @param days     wall-clock length: no step starts after start + days
 * @param failures interruption rates per accelerator-hour
 */
public record SimulationSpec(long seed, String name, long startUs, double days, Cluster cluster, ModelShape model,
                             StepTiming steps, Cadence cadence, RestartCosts restart, LogGaps logGaps,
                             FailureRateTable failures) {
    public static final long DEFAULT_SEED = 405;
    /** An arbitrary Monday; the paper does not date its 54-day snapshot. */
    public static final Instant DEFAULT_START = Instant.parse("2024-03-04T00:00:00Z");
    /** Llama 3 405B: ~400 TFLOP/s per H100 on 16,384 GPUs (paper Table 4; 38–43% BF16 MFU overall). */
    public static final double LLAMA3_MFU = 400e12 / Cluster.H100_SXM_BF16_DENSE;

    public SimulationSpec {
        if (!(days > 0)) {
            throw new IllegalArgumentException("days must be positive");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a run needs a name");
        }
    }

    /** Llama 3 405B pre-training on 16,384 H100s for 54 days with Table 5 failure rates. */
    public static SimulationSpec llama3(long seed) {
        Cluster cluster = Cluster.h100(FailureRateTable.LLAMA3_GPUS);
        ModelShape model = ModelShape.llama3405b();
        return new SimulationSpec(seed, defaultName(cluster, seed), DEFAULT_START.getEpochSecond() * 1_000_000L,
                FailureRateTable.LLAMA3_DAYS, cluster, model, StepTiming.atMfu(model, cluster, LLAMA3_MFU),
                Cadence.llama3Assumed(), RestartCosts.llama3Assumed(), LogGaps.typical(), FailureRateTable.llama3());
    }

    public static String defaultName(Cluster cluster, long seed) {
        return String.format(Locale.ROOT, "Llama 3 405B pre-training, simulated (%,dx %s, seed %d)",
                cluster.accelerators(), cluster.acceleratorType(), seed);
    }

    public SimulationSpec withSeed(long s) {
        return new SimulationSpec(s, name, startUs, days, cluster, model, steps, cadence, restart, logGaps, failures);
    }

    public SimulationSpec withName(String n) {
        return new SimulationSpec(seed, n, startUs, days, cluster, model, steps, cadence, restart, logGaps, failures);
    }

    public SimulationSpec withStartUs(long t) {
        return new SimulationSpec(seed, name, t, days, cluster, model, steps, cadence, restart, logGaps, failures);
    }

    public SimulationSpec withDays(double d) {
        return new SimulationSpec(seed, name, startUs, d, cluster, model, steps, cadence, restart, logGaps, failures);
    }

    /**
     * Same global batch on {@code n} accelerators at the same per-accelerator throughput: the step time
     * scales by old ÷ new, so MFU stays put (ideal strong scaling).
     */
    public SimulationSpec withAccelerators(int n) {
        Cluster c = cluster.withAccelerators(n);
        StepTiming t = steps.withSeconds(steps.seconds() * cluster.accelerators() / n);
        return new SimulationSpec(seed, name, startUs, days, c, model, t, cadence, restart, logGaps, failures);
    }

    /**
     * A different global batch at the same per-accelerator throughput: the step time scales with the
     * tokens, so MFU stays put. Checkpoint and eval cadences stay in steps; adjust them with
     * {@link #withCadence} to keep their wall-clock spacing.
     */
    public SimulationSpec withTokensPerStep(long tokens) {
        if (tokens <= 0) {
            throw new IllegalArgumentException("tokens per step must be positive");
        }
        StepTiming t = steps.withSeconds(steps.seconds() * tokens / model.tokensPerStep());
        return new SimulationSpec(seed, name, startUs, days, cluster, model.withTokensPerStep(tokens), t, cadence,
                restart, logGaps, failures);
    }

    public SimulationSpec withStepSeconds(double s) {
        return new SimulationSpec(seed, name, startUs, days, cluster, model, steps.withSeconds(s), cadence, restart,
                logGaps, failures);
    }

    public SimulationSpec withCadence(Cadence c) {
        return new SimulationSpec(seed, name, startUs, days, cluster, model, steps, c, restart, logGaps, failures);
    }

    public SimulationSpec withLogGaps(LogGaps g) {
        return new SimulationSpec(seed, name, startUs, days, cluster, model, steps, cadence, restart, g, failures);
    }

    public SimulationSpec withFailures(FailureRateTable f) {
        return new SimulationSpec(seed, name, startUs, days, cluster, model, steps, cadence, restart, logGaps, f);
    }

    public long endUs() {
        return startUs + Math.round(days * 86_400e6);
    }

    /** MFU of an ordinary step at the mean step time; the derivation should measure about this. */
    public double expectedMfu() {
        return model.flopsPerStep() / (steps.seconds() * cluster.accelerators() * cluster.peakFlops());
    }

    /** The run header: enough for the derivation to compute MFU with the PaLM convention. */
    public RunMetadata metadata() {
        return new RunMetadata(name, cluster.acceleratorType(), cluster.accelerators(), cluster.peakFlops(),
                cluster.precision(), Double.NaN, model.parameters(), model.tokensPerStep(), model.layers(),
                model.heads(), model.headDim(), model.sequenceLength(), FlopConvention.PALM, null);
    }
}
