package dev.goodput.core.sim;

/**
 * The accelerators a simulated run trains on.
 *
 * @param accelerators         accelerators in the job (all in use)
 * @param acceleratorType      e.g. {@code H100-SXM5-80GB}
 * @param peakFlops            dense peak FLOP/s per accelerator at {@code precision}
 * @param precision            e.g. {@code bf16}
 * @param acceleratorsPerNode  for naming the node a fault is reported on
 */
public record Cluster(int accelerators, String acceleratorType, double peakFlops, String precision,
                      int acceleratorsPerNode) {
    /** H100 SXM: 989 TFLOP/s dense BF16 (NVIDIA data sheet; the sparse figure is twice that). */
    public static final double H100_SXM_BF16_DENSE = 989e12;

    public Cluster {
        if (accelerators <= 0 || acceleratorsPerNode <= 0) {
            throw new IllegalArgumentException("accelerators and accelerators per node must be positive");
        }
    }

    /** Meta's Grand Teton servers: 8 H100 SXM GPUs each (Llama 3 paper, Section 3.3.1). */
    public static Cluster h100(int accelerators) {
        return new Cluster(accelerators, "H100-SXM5-80GB", H100_SXM_BF16_DENSE, "bf16", 8);
    }

    public Cluster withAccelerators(int n) {
        return new Cluster(n, acceleratorType, peakFlops, precision, acceleratorsPerNode);
    }
}
