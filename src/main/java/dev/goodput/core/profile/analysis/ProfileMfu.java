package dev.goodput.core.profile.analysis;

/**
 * MFU of one rank from its profile, with how it was computed.
 *
 * @param mfu          model FLOPs ÷ (step time × peak), capped at 1; null when FLOPs or peak are unknown
 * @param raw          the uncapped value (over 1: the peak or the FLOPs are wrong)
 * @param flopsPerStep model FLOPs of this rank per step
 * @param convention   "trace-shapes" (counted at the leaf GEMMs), or the run's convention divided by world size
 * @param peakFlops    peak FLOP/s of the device at {@code precision}
 * @param peakSource   where the peak comes from (table source, or "override")
 * @param stepSeconds  mean wall time of the steady-state steps
 */
public record ProfileMfu(Double mfu, Double raw, Double flopsPerStep, String convention, Double peakFlops,
                         String peakSource, String precision, double stepSeconds) {
}
