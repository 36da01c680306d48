package dev.goodput.core.profile;

/**
 * One dense (not 2:4-sparse) peak throughput of one accelerator at one precision.
 *
 * @param device     the accelerator, e.g. "NVIDIA H100 SXM"
 * @param precision  canonical precision name: fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4 or int8
 * @param peakFlops  dense peak FLOP/s (OP/s for int8) of one device, as the trace sees a device
 * @param source     the vendor document the number comes from, with its address
 */
public record PeakFlops(String device, String precision, double peakFlops, String source) {
    public PeakFlops {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("peak FLOP/s entry without a device");
        }
        if (precision == null || precision.isBlank()) {
            throw new IllegalArgumentException("peak FLOP/s entry for " + device + " without a precision");
        }
        if (!(peakFlops > 0) || Double.isInfinite(peakFlops)) {
            throw new IllegalArgumentException("peak FLOP/s of " + device + " at " + precision
                    + " must be a positive number, found " + peakFlops);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("peak FLOP/s of " + device + " at " + precision + " has no source");
        }
    }
}
