package dev.goodput.core.profile.analysis;

/**
 * How a trace with ns-fraction timestamps ({@code "ts": 1712195495519689.047}) is brought to the times the
 * breakdowns use. Traces with whole-µs or integer-ns timestamps are never rounded.
 */
public enum TimestampRounding {
    /**
     * As Holistic Trace Analysis does by default, so our numbers equal its numbers: {@code ts} and {@code dur}
     * are float64 µs, {@code end = ts + dur} is added in float64, then the start is rounded up and the end down to
     * whole µs. At epoch magnitudes (~1.7·10¹⁵ µs) float64 has a 0.25 µs grain, so this is not the exact-decimal
     * answer: on HTA's own V100 ns-resolution trace idle differs by 0.3 percentage points.
     */
    HTA,
    /**
     * The exact ns written in the file, not rounded (HTA with {@code HTA_DISABLE_NS_ROUNDING=1}, without
     * float64's grain): the true durations when the trace's ns digits are to be trusted.
     */
    EXACT;

    /** The option value: "hta" or "exact". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The start of an event of {@code [startNs, startNs + durNs)}, as this rounding times it. */
    long start(long startNs) {
        return this == HTA ? (long) Math.ceil(micros(startNs)) * 1000L : startNs;
    }

    /** The end of an event of {@code [startNs, endNs)}, as this rounding times it. */
    long end(long startNs, long endNs) {
        return this == HTA ? (long) Math.floor(micros(startNs) + micros(endNs - startNs)) * 1000L : endNs;
    }

    /**
     * The float64 nearest to {@code ns / 1000} µs: what parsing the file's decimal µs text gives (Kineto writes at
     * most 3 decimals). Below 2⁵³ ns both operands are exact, so one IEEE division is correctly rounded; above it,
     * whole µs are exact and the fraction is too small to change the sum's rounding (float64's grain there is at
     * least 2⁻⁹ µs, and a thousandth lies at least 8·10⁻⁶ µs from any rounding tie but the exact ones).
     */
    static double micros(long ns) {
        if (Math.abs(ns) < (1L << 53)) {
            return ns / 1000.0;
        }
        return Math.floorDiv(ns, 1000L) + Math.floorMod(ns, 1000L) / 1000.0;
    }
}
