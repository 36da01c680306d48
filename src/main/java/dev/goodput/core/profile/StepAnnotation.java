package dev.goodput.core.profile;

/**
 * A training step marked in the trace ({@code ProfilerStep#N}, or an NVTX range), in trace nanoseconds.
 *
 * @param onGpu true for the GPU-side copy ({@code gpu_user_annotation}), false for the CPU range
 */
public record StepAnnotation(long step, long startNs, long endNs, boolean onGpu) {
    public long durationNs() {
        return endNs - startNs;
    }
}
