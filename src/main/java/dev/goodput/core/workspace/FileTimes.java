package dev.goodput.core.workspace;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Times in workspace files: ISO-8601 in UTC with exactly six fraction digits ({@code 2025-03-03T09:10:00.000000Z}).
 * People can read and diff them, every time has one spelling, and microseconds (the model's unit) survive exactly.
 */
final class FileTimes {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private FileTimes() {
    }

    static String format(long micros) {
        return FORMAT.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    /**
     * Epoch microseconds of an ISO-8601 instant (any number of fraction digits, 'Z' or an offset).
     *
     * @throws IllegalArgumentException when it is not one, or is finer than a microsecond
     */
    static long parse(String text) {
        Instant t;
        try {
            t = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 time");
        }
        if (t.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("finer than a microsecond");
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too far from 1970 for microseconds");
        }
    }
}
