package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Epoch times of one file written in milliseconds, microseconds or nanoseconds where the format says seconds (a
 * common logging slip: read as seconds, 1717000000123 is the year 56379). A number's magnitude tells its candidate
 * unit — below 10^10 seconds (before 2286), each further factor of 1000 the next unit, the same classes the
 * pattern reader tells by digit count (LogTime, PatternTime) — and the file decides: the unit class holding the
 * file's median time gives the reference span; a number in a larger unit that lands within a day of that span is
 * converted with a warning, anything else is refused. Numbers read as seconds are never changed here (a stray one
 * is the derivation's outlier to leave out of the default window).
 * <p>A reader first {@link #observe observes} every time of the file, then reads the larger-unit ones with
 * {@link #micros}.
 */
final class TimeUnitSlip {
    private static final String[] UNITS = {"seconds", "milliseconds", "microseconds", "nanoseconds"};
    private static final BigDecimal SECONDS_LIMIT = new BigDecimal("1e10");
    private static final int NOT_A_NUMBER = -1;
    private static final int NO_UNIT = UNITS.length;
    private static final long DAY_US = 86_400_000_000L;
    /** Warnings listed per file; a file wholly in milliseconds would otherwise say so on every line. */
    private static final int LISTED = 20;

    private final long[] count = new long[UNITS.length];
    private final long[] minUs = new long[UNITS.length];
    private final long[] maxUs = new long[UNITS.length];
    private int warned;
    private long unlisted;
    private int settledClass = -1;

    TimeUnitSlip() {
        java.util.Arrays.fill(minUs, Long.MAX_VALUE);
        java.util.Arrays.fill(maxUs, Long.MIN_VALUE);
    }

    /**
     * Whether {@code text} is an epoch number too large to be seconds of a real date, so that it can only be read
     * once the file's other times are known. Cheap for the common forms (ISO-8601, plain epoch seconds).
     */
    static boolean larger(String text) {
        int c = unitClass(text);
        return c > 0;
    }

    /**
     * Counts one of the file's times towards its reference span; returns it in µs read in its magnitude's unit, or
     * {@link Long#MIN_VALUE} when it is no time.
     */
    long observe(String text) {
        long us;
        int c = unitClass(text);
        if (c == NO_UNIT) {
            return Long.MIN_VALUE;
        }
        try {
            us = c == NOT_A_NUMBER || c == 0 ? Timestamps.parseMicros(text) : inUnit(text, c);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
        observeMicros(us, Math.max(c, 0));
        return us;
    }

    /** Counts a time already read as seconds (or ISO-8601). */
    void observeSeconds(long us) {
        observeMicros(us, 0);
    }

    private void observeMicros(long us, int c) {
        count[c]++;
        minUs[c] = Math.min(minUs[c], us);
        maxUs[c] = Math.max(maxUs[c], us);
    }

    /**
     * Fixes the file's unit as that of the median of the times observed so far: a reader that cannot hold the rest of
     * the file's records settles early, and observes its later times as it reads them.
     */
    void settle() {
        if (settledClass < 0) {
            settledClass = medianClass();
        }
    }

    boolean settled() {
        return settledClass >= 0;
    }

    /**
     * Reads a time {@link #larger} than seconds as µs: converted, with a warning, when it is in the unit of the file's
     * median time, or when its unit lands it within a day of the span of the times in that unit.
     *
     * @throws InputException when no unit puts it near the file's other times
     */
    long micros(String key, String text, Source src, RunBuilder run) throws InputException {
        int c = unitClass(text);
        int ref = settled() ? settledClass : medianClass();
        long lo = minUs[ref];
        long hi = maxUs[ref];
        if (c > 0 && c < NO_UNIT) {
            long us = inUnit(text, c);
            if (c == ref || us >= lo - DAY_US && us <= hi + DAY_US) {
                warn(run, src, "\"" + key + "\" " + text.strip() + " looks like " + UNITS[c] + (ref == 0
                        ? " among seconds" : ", as do most of this file's times (the format's unit is seconds)")
                        + "; read as " + RunLogWriter.iso(us));
                return us;
            }
        }
        // Past nanoseconds of 2286 (1e400, 20 digits) no unit makes it a time: say what a time is, as for any non-time.
        if (lo > hi || c == NO_UNIT) {
            throw new InputException(src, "expected \"" + key + "\" to be " + Timestamps.EXPECTED + ", found \""
                    + text.strip() + "\"");
        }
        throw new InputException(src, "expected \"" + key + "\" in seconds near the run's other times ("
                + RunLogWriter.iso(lo) + " to " + RunLogWriter.iso(hi) + "), found " + text.strip());
    }

    /** Says how many conversions were not listed, once the file is read. */
    void finish(RunBuilder run, String file) {
        if (unlisted > 0) {
            run.problem(Problem.warning(new Source(file, 0), "and " + unlisted + " more times read in milliseconds, "
                    + "microseconds or nanoseconds; not listed"));
        }
    }

    private void warn(RunBuilder run, Source src, String message) {
        if (warned < LISTED) {
            warned++;
            run.problem(Problem.warning(src, message));
        } else {
            unlisted++;
        }
    }

    /** The unit class holding the file's median time; seconds on a tie. */
    private int medianClass() {
        long total = 0;
        for (long n : count) {
            total += n;
        }
        long seen = 0;
        for (int c = 0; c < UNITS.length; c++) {
            seen += count[c];
            if (count[c] > 0 && seen * 2 >= total) {
                return c;
            }
        }
        return 0;
    }

    /**
     * 0 for seconds (and ISO-8601 text, and numbers read as seconds), 1–3 for ms, µs, ns by magnitude, NO_UNIT past
     * nanoseconds of 2286, NOT_A_NUMBER for text that is not a plain number (left to the ordinary parser).
     */
    private static int unitClass(String text) {
        if (text == null) {
            return NOT_A_NUMBER;
        }
        String t = text.strip();
        int n = t.length();
        if (n == 0) {
            return NOT_A_NUMBER;
        }
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        int whole = 0;
        boolean leading = true;
        for (; i < n; i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (ch != '0' || !leading) {
                    leading = false;
                    whole++;
                }
            } else if (ch == '.') {
                break;
            } else if (ch == 'e' || ch == 'E') {
                return exponentClass(t);
            } else {
                return NOT_A_NUMBER; // ISO-8601 or junk: the ordinary parser decides
            }
        }
        for (int j = i + 1; j < n; j++) {
            char ch = t.charAt(j);
            if (ch == 'e' || ch == 'E') {
                return exponentClass(t);
            }
            if (ch < '0' || ch > '9') {
                return NOT_A_NUMBER;
            }
        }
        // below 10^10 seconds: ten whole digits or fewer; each unit adds three
        return whole <= 10 ? 0 : Math.min(NO_UNIT, (whole - 8) / 3);
    }

    private static int exponentClass(String t) {
        BigDecimal v;
        try {
            v = new BigDecimal(t).abs();
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
        BigDecimal limit = SECONDS_LIMIT;
        for (int c = 0; c < UNITS.length; c++) {
            if (v.compareTo(limit) < 0) {
                return c;
            }
            limit = limit.movePointRight(3);
        }
        return NO_UNIT;
    }

    /** A number of unit class {@code c} in µs; digits past the µs dropped, as the text-log readers drop them. */
    private static long inUnit(String text, int c) {
        return new BigDecimal(text.strip()).movePointRight(6 - 3 * c).setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }
}
