package dev.goodput.core.derive;

/**
 * An exact sum of accelerator-microseconds (duration × accelerators) in 128 bits. Exact, so the total does
 * not depend on the order of its terms, and taking back a term restores the previous total bit for bit
 * (an attribution edit and its undo give the same report). A {@code long} alone would overflow past
 * ~9.2e18 accelerator-µs: a year on 300,000 accelerators, or a window stretched by one bad timestamp.
 */
final class ExactSum {
    private long hi;
    private long lo;

    void add(long us, long accelerators) {
        addWords(Math.multiplyHigh(us, accelerators), us * accelerators);
    }

    void subtract(long us, long accelerators) {
        add(-us, accelerators); // multiplyHigh is signed: the product of -us is exactly the negated product
    }

    void add(ExactSum other) {
        addWords(other.hi, other.lo);
    }

    private void addWords(long h, long l) {
        long sum = lo + l;
        hi += h + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
        lo = sum;
    }

    /** The sum as a double (correctly rounded below 2^63, which is every realistic total). */
    double value() {
        if (hi == 0 && lo >= 0) {
            return lo;
        }
        // Unsigned low word by round-to-odd halving, so it is rounded once, correctly.
        double low = (double) ((lo >>> 1) | (lo & 1)) * 2.0;
        return hi * 0x1p64 + low;
    }
}
