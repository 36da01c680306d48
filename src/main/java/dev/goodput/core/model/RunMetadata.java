package dev.goodput.core.model;

import java.util.OptionalDouble;

/**
 * What a run is: its accelerators and the numbers needed for MFU.
 * Absent numbers are {@code NaN} (doubles) or 0 (counts); {@link #flopConvention} may be null when
 * the log names none, and is then chosen from what is present. {@link #reportedFlops} says what the trainer's own
 * per-step FLOP/s figure counts, or is null when the log has none.
 */
public record RunMetadata(
        String name,
        String acceleratorType,
        int acceleratorCount,
        double peakFlopsPerAccelerator,
        String peakPrecision,
        double flopsPerStep,
        double parameters,
        double tokensPerStep,
        int layers,
        int heads,
        int headDim,
        int sequenceLength,
        FlopConvention flopConvention,
        Boolean evalProductive,
        ReportedFlops reportedFlops) {

    /** A run whose log reports no per-step FLOP/s of its own. */
    public RunMetadata(String name, String acceleratorType, int acceleratorCount, double peakFlopsPerAccelerator,
                       String peakPrecision, double flopsPerStep, double parameters, double tokensPerStep, int layers,
                       int heads, int headDim, int sequenceLength, FlopConvention flopConvention,
                       Boolean evalProductive) {
        this(name, acceleratorType, acceleratorCount, peakFlopsPerAccelerator, peakPrecision, flopsPerStep, parameters,
                tokensPerStep, layers, heads, headDim, sequenceLength, flopConvention, evalProductive, null);
    }

    public static RunMetadata unnamed() {
        return new RunMetadata("unnamed run", null, 0, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN,
                0, 0, 0, 0, null, null);
    }

    public OptionalDouble peak() {
        return present(peakFlopsPerAccelerator);
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) || v <= 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public RunMetadata withName(String newName) {
        return new RunMetadata(newName, acceleratorType, acceleratorCount, peakFlopsPerAccelerator, peakPrecision,
                flopsPerStep, parameters, tokensPerStep, layers, heads, headDim, sequenceLength, flopConvention,
                evalProductive, reportedFlops);
    }
}
