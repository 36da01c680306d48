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
        try {
            Instant i = OffsetDateTime.parse(t).toInstant();
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 time with offset: " + t);
        }
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
