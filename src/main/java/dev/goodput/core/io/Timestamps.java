package dev.goodput.core.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses timestamps: ISO-8601 with an offset (or Z), or epoch seconds (fractions allowed), to epoch µs. */
final class Timestamps {
    static final String EXPECTED = "an ISO-8601 time with offset (2024-05-01T12:00:00Z) or epoch seconds";

    private Timestamps() {
    }

    /** @throws IllegalArgumentException when the text is neither form */
    static long parseMicros(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        char c = t.charAt(0);
        if (Character.isDigit(c) || c == '-' || c == '.' || c == '+') {
            if (t.length() > 4 && t.charAt(4) == '-' && Character.isDigit(c)) {
                return parseIso(t);
            }
            try {
                return new BigDecimal(t).movePointRight(6).setScale(0, java.math.RoundingMode.HALF_EVEN)
                        .longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("not a number: " + t);
            }
        }
        return parseIso(t);
    }

    private static long parseIso(String t) {
        long fast = parseUtcFast(t);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            Instant i = OffsetDateTime.parse(t).toInstant();
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 time with offset: " + t);
        }
    }

    /**
     * The common machine-written form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, parsed by hand: the general
     * parser costs microseconds per call, which dominates loading million-line logs. Returns
     * {@code Long.MIN_VALUE} when the text is in any other form (the general parser then decides).
     */
    static long parseUtcFast(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        long nanos = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return Long.MIN_VALUE;
            }
            for (int i = 20; i < n - 1; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return Long.MIN_VALUE;
                }
                nanos = nanos * 10 + (c - '0');
            }
            nanos = toNanos(nanos, n - 21);
        }
        return utcMicros(year, month, day, hour, minute, second, nanos);
    }

    /**
     * {@link #parseUtcFast(String)} of the ASCII bytes {@code b[from, to)}, for readers that parse lines as bytes:
     * the same value for the same text, {@code Long.MIN_VALUE} for any other form.
     */
    static long parseUtcFast(byte[] b, int from, int to) {
        if (to - from < 20) {
            return Long.MIN_VALUE;
        }
        long hour = hourOfUtcFast(b, from);
        long withinHour = withinHourOfUtcFast(b, from, to);
        return hour == Long.MIN_VALUE || withinHour == Long.MIN_VALUE ? Long.MIN_VALUE : hour + withinHour;
    }

    /**
     * The first part of a time {@link #parseUtcFast(byte[], int, int)} reads, {@code yyyy-MM-ddTHH} at
     * {@code b[from, from + 13)}: the epoch µs that hour starts at, or {@code Long.MIN_VALUE} when it is not one.
     * Consecutive records mostly share it, so a reader can keep the last one and parse only the rest.
     */
    static long hourOfUtcFast(byte[] b, int from) {
        if (b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T') {
            return Long.MIN_VALUE;
        }
        int century = twoDigits(b, from);
        int ofCentury = twoDigits(b, from + 2);
        int year = century < 0 || ofCentury < 0 ? -1 : century * 100 + ofCentury;
        int month = twoDigits(b, from + 5);
        int day = twoDigits(b, from + 8);
        int hour = twoDigits(b, from + 11);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || day > 28 && day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        return (epochDay(year, month, day) * 24 + hour) * 3_600_000_000L;
    }

    /**
     * The rest of a time {@link #parseUtcFast(byte[], int, int)} reads, {@code :mm:ss[.f{1,9}]Z} from
     * {@code b[from + 13]} to {@code to}: its µs past the hour (the fraction truncated), or {@code Long.MIN_VALUE}.
     */
    static long withinHourOfUtcFast(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 20 || b[to - 1] != 'Z' || b[from + 13] != ':' || b[from + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int minute = twoDigits(b, from + 14);
        int second = twoDigits(b, from + 17);
        if (minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long nanos = 0;
        if (n > 20) {
            int len = n - 21;
            if (b[from + 19] != '.' || len > 9 || len < 1) {
                return Long.MIN_VALUE;
            }
            long frac = digits(b, from + 20, to - 1);
            if (frac < 0) {
                return Long.MIN_VALUE;
            }
            nanos = toNanos(frac, len);
        }
        return minute * 60_000_000L + second * 1_000_000L + nanos / 1000;
    }

    /** A fraction of a second written with {@code digits} digits (1 to 9), in nanoseconds. */
    private static long toNanos(long fraction, int digits) {
        for (int i = digits; i < 9; i++) {
            fraction *= 10;
        }
        return fraction;
    }

    /**
     * Epoch µs of a UTC time read by the fast parsers (a field that was not digits is negative), or
     * {@code Long.MIN_VALUE} when a field is out of range; the fraction truncated to µs, as the general path does
     * (Instant nanos / 1000).
     */
    private static long utcMicros(int year, int month, int day, int hour, int minute, int second, long nanos) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > 28 && day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + nanos / 1000;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** {@link java.time.LocalDate#toEpochDay()}'s arithmetic, for years 0 to 9999, without the object. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - 719_528L; // days from 0000-01-01 to 1970-01-01
    }

    /** Two ASCII digits' value, or a negative number when either is not a digit. */
    private static int twoDigits(byte[] b, int at) {
        int hi = b[at] - '0';
        int lo = b[at + 1] - '0';
        return hi < 0 || hi > 9 || lo < 0 || lo > 9 ? -1000 : hi * 10 + lo;
    }

    /** The value of the ASCII digits {@code b[from, to)} (at most 9), or -1 when one is not a digit. */
    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Parses a duration in seconds (fractions allowed) to µs. */
    static long parseSecondsToMicros(String text) {
        try {
            BigDecimal d = new BigDecimal(text.trim());
            return d.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a number of seconds: " + text);
        }
    }
}
