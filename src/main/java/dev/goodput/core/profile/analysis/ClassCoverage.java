package dev.goodput.core.profile.analysis;

import dev.goodput.core.profile.KernelClass;

import java.util.Arrays;

/**
 * How long each combination of kernel classes was active on a GPU: one sweep over the event boundaries
 * keeping a count per class. Every union, intersection and the kernel-type table derive from it.
 * Bit i of a mask is {@code KernelClass.values()[i]}; OTHER counts as busy time only.
 */
public final class ClassCoverage {
    public static final int COMPUTATION = 1 << KernelClass.COMPUTATION.ordinal();
    public static final int COMMUNICATION = 1 << KernelClass.COMMUNICATION.ordinal();
    public static final int MEMORY = 1 << KernelClass.MEMORY.ordinal();
    public static final int OTHER = 1 << KernelClass.OTHER.ordinal();
    private static final int MASKS = 16;

    private final long[] byMask = new long[MASKS];

    private ClassCoverage() {
    }

    /**
     * @param start events' starts, @param end their ends (any unit, below 2^59 in magnitude: subtract a base
     *              first), @param cls their classes; only the first {@code n} entries are used
     */
    public static ClassCoverage of(long[] start, long[] end, KernelClass[] cls, int n) {
        ClassCoverage c = new ClassCoverage();
        long[] edges = new long[2 * n];
        for (int i = 0; i < n; i++) {
            int bit = cls[i].ordinal();
            // Encode (time, +1/-1, class) in one long: time in the high bits keeps the sort by time, and at the
            // same instant ends (0) sort before starts (1), so touching intervals do not overlap.
            edges[2 * i] = (end[i] << 3) | (bit << 1);
            edges[2 * i + 1] = (start[i] << 3) | (bit << 1) | 1;
        }
        Arrays.sort(edges);
        int[] count = new int[4];
        long prev = Long.MIN_VALUE;
        for (long e : edges) {
            long t = e >> 3;
            int mask = (count[0] > 0 ? 1 : 0) | (count[1] > 0 ? 2 : 0) | (count[2] > 0 ? 4 : 0)
                    | (count[3] > 0 ? 8 : 0);
            if (prev != Long.MIN_VALUE && mask != 0) {
                c.byMask[mask] += t - prev;
            }
            prev = t;
            int bit = (int) ((e >> 1) & 3);
            count[bit] += (e & 1) == 1 ? 1 : -1;
        }
        return c;
    }

    /** Time during which exactly the classes in {@code mask} were active. */
    public long exactly(int mask) {
        return byMask[mask];
    }

    /** Time during which all classes in {@code mask} (and maybe others) were active. */
    public long atLeast(int mask) {
        long sum = 0;
        for (int m = 1; m < MASKS; m++) {
            if ((m & mask) == mask) {
                sum += byMask[m];
            }
        }
        return sum;
    }

    /** Time during which any class in {@code mask} was active. */
    public long any(int mask) {
        long sum = 0;
        for (int m = 1; m < MASKS; m++) {
            if ((m & mask) != 0) {
                sum += byMask[m];
            }
        }
        return sum;
    }

    /** Time during which anything was active (the busy time). */
    public long busy() {
        return any(MASKS - 1);
    }
}
