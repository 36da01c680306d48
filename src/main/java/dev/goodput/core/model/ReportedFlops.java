package dev.goodput.core.model;

/**
 * What the per-step FLOP/s figure a trainer logged counts ({@link StepTable#reportedFlopRate(int)}).
 *
 * @param figure   the log's own name for it, e.g. "Megatron-LM throughput per GPU (TFLOP/s/GPU)"
 * @param fromMfu  true when the trainer logged an MFU (and its peak is then the trainer's own)
 * @param hardware true when the figure counts activation recomputation (hardware FLOPs, HFU-like), so an MFU
 *                 computed from it is overstated; said in the report
 */
public record ReportedFlops(String figure, boolean fromMfu, boolean hardware) {
}
