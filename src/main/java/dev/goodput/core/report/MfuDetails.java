package dev.goodput.core.report;

/**
 * How the model goodput was computed. {@code mfu} is clamped to [0, 1]; {@code mfuRaw} is not (over 1
 * means the peak or the FLOPs are wrong). Nulls where the input lacks what the convention needs.
 */
public record MfuDetails(Double mfu, Double mfuRaw, String convention, Double flopsPerStep, Double peakFlops,
                         String precision, String accelerator, int steadySteps, double steadySeconds,
                         String steadyStateRule) {
}
