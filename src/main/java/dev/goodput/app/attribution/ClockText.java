package dev.goodput.app.attribution;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A time typed by a user, read as UTC like every time the workbench shows: "HH:mm:ss" on a given day, or
 * "yyyy-MM-dd HH:mm:ss" (a 'T' between date and time works too).
 */
final class ClockText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT);
    private static final DateTimeFormatter DATE_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']H:mm[:ss]",
            Locale.ROOT);

    private ClockText() {
    }

    /**
     * @param dayOfUs a time on the day a bare clock time means (e.g. the interval's start), epoch µs
     * @return epoch µs, or empty when the text is not a time
     */
    static Optional<Long> parse(String typed, long dayOfUs) {
        String t = typed == null ? "" : typed.strip().replaceAll("\\s*UTC$", "").replaceAll("Z$", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = t.length() > 8
                    ? LocalDateTime.parse(t, DATE_CLOCK)
                    : LocalDateTime.of(day(dayOfUs), LocalTime.parse(t, CLOCK));
            return Optional.of(at.toEpochSecond(ZoneOffset.UTC) * 1_000_000L);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "12:34:56": how a time is offered for editing, on its own day. */
    static String clock(long us) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(us, 1_000_000L), 0, ZoneOffset.UTC).toLocalTime()
                .format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
    }

    private static LocalDate day(long us) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(us, 1_000_000L), 0, ZoneOffset.UTC).toLocalDate();
    }
}
