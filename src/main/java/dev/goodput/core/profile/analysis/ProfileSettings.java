package dev.goodput.core.profile.analysis;

/**
 * What the profile alone cannot know, and the user's overrides.
 *
 * @param flopsPerStep   model FLOPs of one training step over all ranks (the run metadata's), or NaN to count
 *                       them from the trace's shapes
 * @param flopConvention how {@code flopsPerStep} was obtained ("given", "6nd", "palm"), for the report
 * @param peakFlops      peak FLOP/s per device to use instead of the peak table's, or NaN
 * @param precision      the precision the peak is for (bf16 unless said)
 * @param rounding       how ns-fraction timestamps are rounded (HTA's float64 arithmetic unless said)
 */
public record ProfileSettings(double flopsPerStep, String flopConvention, double peakFlops, String precision,
                              TimestampRounding rounding) {
    public ProfileSettings {
        rounding = rounding == null ? TimestampRounding.HTA : rounding;
    }

    public static ProfileSettings defaults() {
        return new ProfileSettings(Double.NaN, null, Double.NaN, "bf16", TimestampRounding.HTA);
    }

    public ProfileSettings withPeakFlops(double peak) {
        return new ProfileSettings(flopsPerStep, flopConvention, peak, precision, rounding);
    }

    public ProfileSettings withPrecision(String p) {
        return new ProfileSettings(flopsPerStep, flopConvention, peakFlops, p, rounding);
    }

    public ProfileSettings withFlopsPerStep(double flops, String convention) {
        return new ProfileSettings(flops, convention, peakFlops, precision, rounding);
    }

    public ProfileSettings withRounding(TimestampRounding r) {
        return new ProfileSettings(flopsPerStep, flopConvention, peakFlops, precision, r);
    }
}
