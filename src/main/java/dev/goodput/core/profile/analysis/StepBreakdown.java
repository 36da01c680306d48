package dev.goodput.core.profile.analysis;

/**
 * One profiled step: its wall time (CPU annotation), the GPU breakdown of the kernels it launched, its
 * exposed communication, and whether it counts as steady state.
 */
public record StepBreakdown(long step, long wallNs, TemporalBreakdown gpu, long exposedCommunicationNs,
                            boolean steady) {
}
