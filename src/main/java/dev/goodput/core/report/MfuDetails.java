package dev.goodput.core.report;

/**
 * How the model goodput was computed. {@code mfu} is clamped to [0, 1]; {@code mfuRaw} is not (over 1
 * means the peak or the FLOPs are wrong). Nulls where the input lacks what the convention needs.
 *
 * @param source where the MFU comes from: {@link #PROFILE}, {@link #RUN_LOG}, {@link #TRAINER_MFU} or
 *               {@link #TRAINER_FLOPS}; null when the input gives no way to it
 * @param figure the trainer's own name for the figure used (e.g. "Megatron-LM throughput per GPU (TFLOP/s/GPU)"),
 *               or null
 */
public record MfuDetails(Double mfu, Double mfuRaw, String convention, Double flopsPerStep, Double peakFlops,
                         String precision, String accelerator, int steadySteps, double steadySeconds,
                         String steadyStateRule, String source, String figure) {
    /** A profile's measured model layer. */
    public static final String PROFILE = "profile";
    /** Model FLOPs per step from the run log's header (given, 6ND or PaLM) ÷ peak. */
    public static final String RUN_LOG = "run-log";
    /** The MFU the trainer logged for each step. */
    public static final String TRAINER_MFU = "trainer-mfu";
    /** The model FLOP/s per accelerator the trainer logged for each step ÷ peak. */
    public static final String TRAINER_FLOPS = "trainer-flops";

    /**
     * One sentence on where the MFU comes from, for the text and Markdown reports, e.g. "MFU from the trainer's own
     * figure: Megatron-LM throughput per GPU (TFLOP/s/GPU) ÷ peak 989 TFLOP/s"; null when there is none.
     */
    public String sourceLine() {
        if (source == null) {
            return null;
        }
        String peak = peakFlops == null ? "peak unknown" : "peak " + HumanFormat.teraflops(peakFlops);
        String named = figure == null ? "" : ": " + figure;
        return switch (source) {
            case PROFILE -> "MFU from the profiled steps' model FLOPs ÷ " + peak;
            case RUN_LOG -> "MFU from the run log's FLOPs per step (" + convention + ") ÷ " + peak;
            case TRAINER_MFU -> "MFU from the trainer's own figure" + named + " (its MFU, against its " + peak + ")";
            case TRAINER_FLOPS -> "MFU from the trainer's own figure" + (figure == null ? ": its model FLOP/s per "
                    + "accelerator" : named) + " ÷ " + peak;
            default -> "MFU from " + source;
        };
    }
}
