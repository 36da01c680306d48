package dev.goodput.core.model;

/** Time in the model is epoch microseconds in a {@code long}: sums and partitions stay exact. */
public final class Times {
    /** Marks an unknown time (e.g. a step whose end was not logged). */
    public static final long UNKNOWN = Long.MIN_VALUE;
    public static final long MICROS_PER_SECOND = 1_000_000L;

    private Times() {
    }

    public static double toSeconds(long micros) {
        return micros / 1e6;
    }

    public static long fromSeconds(double seconds) {
        return Math.round(seconds * 1e6);
    }

    public static boolean known(long micros) {
        return micros != UNKNOWN;
    }
}
