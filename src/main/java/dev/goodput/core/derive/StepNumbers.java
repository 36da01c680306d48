package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;

/**
 * The step numbers seen so far: a bitmap over their range when they are dense (a log counts its steps 0, 1, 2, …:
 * a million numbers in 125 KB, no hashing), else a {@link LongHashSet}.
 */
abstract class StepNumbers {
    /** Adds {@code v}; true when it was not there before. */
    abstract boolean add(long v);

    /** A set for the numbers of the rows with an attempt ({@code stepAttempt[row] >= 0}). */
    static StepNumbers of(StepTable s, int[] stepAttempt) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int count = 0;
        for (int i = 0; i < s.size(); i++) {
            if (stepAttempt[i] >= 0) {
                min = Math.min(min, s.number(i));
                max = Math.max(max, s.number(i));
                count++;
            }
        }
        long range = max - min; // negative when it overflows: not dense
        if (count > 0 && range >= 0 && range < 64L * Math.max(1024, count)) {
            return new Dense(min, range + 1);
        }
        LongHashSet set = new LongHashSet(Math.max(16, count));
        return new StepNumbers() {
            @Override
            boolean add(long v) {
                return set.add(v);
            }
        };
    }

    private static final class Dense extends StepNumbers {
        private final long min;
        private final long[] bits;

        Dense(long min, long range) {
            this.min = min;
            this.bits = new long[(int) ((range + 63) >>> 6)];
        }

        @Override
        boolean add(long v) {
            long i = v - min;
            int word = (int) (i >>> 6);
            long bit = 1L << i; // the shift uses the low six bits
            if ((bits[word] & bit) != 0) {
                return false;
            }
            bits[word] |= bit;
            return true;
        }
    }
}
