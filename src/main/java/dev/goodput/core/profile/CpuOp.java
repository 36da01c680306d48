package dev.goodput.core.profile;

import java.util.List;

/**
 * A CPU-side operator ({@code cpu_op}) with the input shapes the profiler recorded (empty without
 * {@code record_shapes}); used to count model FLOPs at the leaf GEMMs.
 *
 * @param inputDims one entry per input: its dimensions, or an empty array for a non-tensor input
 * @param inputTypes one entry per input, e.g. "float", "c10::BFloat16" (may be empty)
 */
public record CpuOp(String name, long tid, long startNs, long endNs, List<long[]> inputDims, List<String> inputTypes,
                    long externalId) {
    public CpuOp {
        inputDims = List.copyOf(inputDims);
        inputTypes = List.copyOf(inputTypes);
    }
}
