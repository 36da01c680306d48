package dev.goodput.core.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A trace's decimal microseconds ("4458676983543.183") as whole nanoseconds, exactly: rounded half-even at the
 * nanosecond as {@code new BigDecimal(text).movePointRight(3).setScale(0, HALF_EVEN)} does, with
 * {@link Long#MIN_VALUE} for what is no number or beyond a long. Plain decimals are read straight off the parser's
 * characters (most of a trace's timestamps); anything else (exponents, spaces, 16 or more integer digits) goes the
 * BigDecimal way. A String and a BigDecimal per timestamp were a tenth of reading a trace.
 */
final class DecimalMicros {
    /** Integer digits the fast way takes: epoch µs have 16. */
    private static final int MAX_INTEGER_DIGITS = 16;
    /** The most µs whose ns, with a rounding step, stay inside a long. */
    private static final long MAX_MICROS = (Long.MAX_VALUE - 1000) / 1000;

    private DecimalMicros() {
    }

    static long toNanos(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long micros = 0;
        int digits = 0;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            micros = micros * 10 + (text[i++] - '0');
            digits++;
        }
        if (digits == 0 || digits > MAX_INTEGER_DIGITS || micros > MAX_MICROS) {
            return slow(text, offset, length);
        }
        long nanos = micros * 1000;
        if (i < end) {
            if (text[i] != '.') {
                return slow(text, offset, length);
            }
            i++;
            int scale = 100;
            while (i < end && scale > 0 && text[i] >= '0' && text[i] <= '9') {
                nanos += (text[i++] - '0') * scale;
                scale /= 10;
            }
            // Digits past the nanosecond decide the rounding: above half up, exactly half to even.
            if (i < end) {
                int first = i;
                boolean allZeroAfterFirst = true;
                while (i < end && text[i] >= '0' && text[i] <= '9') {
                    if (i > first && text[i] != '0') {
                        allZeroAfterFirst = false;
                    }
                    i++;
                }
                if (i < end) {
                    return slow(text, offset, length);
                }
                int d = text[first] - '0';
                if (d > 5 || (d == 5 && (!allZeroAfterFirst || (nanos & 1) == 1))) {
                    nanos++;
                }
            }
        }
        return negative ? -nanos : nanos;
    }

    private static long slow(char[] text, int offset, int length) {
        BigDecimal micros;
        try {
            micros = new BigDecimal(new String(text, offset, length).trim());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
        // Judged by its digits before rounding: rounding 1e99999999 (a short text) would compute 10^99999999 and
        // run for minutes; found by this class's property test.
        int wholeDigits = micros.precision() - micros.scale() + 3;
        if (micros.signum() == 0 || wholeDigits < 0) {
            return 0; // under a tenth of a nanosecond
        }
        if (wholeDigits > 19) {
            return Long.MIN_VALUE;
        }
        try {
            return micros.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * A number as a long, its fraction dropped ("12.7" is 12), or {@link Long#MIN_VALUE} if it is none or beyond a
     * long; bounded as above ({@code BigDecimal.longValue()} of "1e99999999" runs for minutes).
     */
    static long truncatedLong(String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
        int wholeDigits = v.precision() - v.scale();
        if (v.signum() == 0 || wholeDigits <= 0) {
            return 0;
        }
        return wholeDigits > 19 ? Long.MIN_VALUE : v.longValue();
    }
}
