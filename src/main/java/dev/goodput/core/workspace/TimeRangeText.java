package dev.goodput.core.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in conflict descriptions, for people: "2025-03-03 09:10:00–09:12:30 UTC", the date once when shared. */
final class TimeRangeText {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TimeRangeText() {
    }

    static String of(long startUs, long endUs) {
        LocalDateTime start = utc(startUs);
        LocalDateTime end = utc(endUs);
        String to = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DATE_TIME.format(end);
        return DATE_TIME.format(start) + "–" + to + " UTC";
    }

    static String at(long us) {
        return DATE_TIME.format(utc(us)) + " UTC";
    }

    private static LocalDateTime utc(long us) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L),
                Math.floorMod(us, 1_000_000L) * 1000L), ZoneOffset.UTC);
    }
}
