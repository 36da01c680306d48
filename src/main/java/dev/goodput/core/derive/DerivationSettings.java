package dev.goodput.core.derive;

/**
 * Choices the derivation leaves to the user.
 *
 * @param window          the measurement window, or null for the default (first job start to last event)
 * @param evalProductive  null: as the run metadata says (default false: evaluation is framework badput)
 * @param warmupSteps     steps after each (re)start left out of steady state
 * @param outlierMads     steps further than this many scaled MADs from the median are outliers
 * @param peakOverride    peak FLOP/s per accelerator to use instead of the run's, or NaN
 * @param measuredModel   the model layer measured from profiles, used instead of the run log's MFU; or null
 */
public record DerivationSettings(Window window, Boolean evalProductive, int warmupSteps, double outlierMads,
                                 double peakOverride, MeasuredModelLayer measuredModel) {
    public static final int DEFAULT_WARMUP_STEPS = 2;
    public static final double DEFAULT_OUTLIER_MADS = 3.0;

    public static DerivationSettings defaults() {
        return new DerivationSettings(null, null, DEFAULT_WARMUP_STEPS, DEFAULT_OUTLIER_MADS, Double.NaN, null);
    }

    public DerivationSettings withWindow(Window w) {
        return new DerivationSettings(w, evalProductive, warmupSteps, outlierMads, peakOverride, measuredModel);
    }

    public DerivationSettings withEvalProductive(Boolean productive) {
        return new DerivationSettings(window, productive, warmupSteps, outlierMads, peakOverride, measuredModel);
    }

    public DerivationSettings withPeakOverride(double peak) {
        return new DerivationSettings(window, evalProductive, warmupSteps, outlierMads, peak, measuredModel);
    }

    public DerivationSettings withWarmupSteps(int steps) {
        return new DerivationSettings(window, evalProductive, steps, outlierMads, peakOverride, measuredModel);
    }

    public DerivationSettings withMeasuredModel(MeasuredModelLayer model) {
        return new DerivationSettings(window, evalProductive, warmupSteps, outlierMads, peakOverride, model);
    }
}
