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
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long micros = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return Long.MIN_VALUE;
            }
            long frac = 0;
            int len = n - 21;
            for (int i = 20; i < n - 1; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return Long.MIN_VALUE;
                }
                frac = frac * 10 + (c - '0');
            }
            for (int i = len; i < 9; i++) {
                frac *= 10;
            }
            micros = frac / 1000; // truncate to µs, as the general path does (Instant nanos / 1000)
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
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
