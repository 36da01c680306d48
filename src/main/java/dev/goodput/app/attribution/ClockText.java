package dev.goodput.app.attribution;

import dev.goodput.core.report.HumanFormat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A time typed by a user, read as UTC like every time the workbench shows ({@code HumanFormat.clock} writes
 * {@link #FORMAT}). One reader for every field that takes a time, so they all accept the same: "yyyy-MM-dd HH:mm:ss"
 * with a 'T' instead of the space or not, a one-digit hour, no seconds or a fraction of them, and "UTC" or "Z" or
 * nothing after; and where a day is known, a bare clock time on it.
 */
public final class ClockText {
    /** What the fields ask for: the form times are shown in. */
    public static final String FORMAT = "yyyy-MM-dd HH:mm:ss UTC";

    private static final Pattern UTC = Pattern.compile("(?i)\\s*UTC$");
    private static final Pattern Z = Pattern.compile("[Zz]$");
    private static final DateTimeFormatter CLOCK = new DateTimeFormatterBuilder()
            .appendPattern("H:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATE_CLOCK = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']").append(CLOCK)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SHOWN_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter WITH_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);

    private ClockText() {
    }

    /** A date and time, e.g. "2025-03-03 09:10:00 UTC"; epoch µs, or empty when the text is not one. */
    public static Optional<Long> parse(String typed) {
        String t = withoutZone(typed);
        try {
            return Optional.of(epochUs(LocalDateTime.parse(t, DATE_CLOCK)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #parse(String)}, or a bare clock time ("12:00", "12:00:00 UTC") on the day of {@code dayOfUs}.
     *
     * @param dayOfUs a time on the day a bare clock time means (e.g. the interval's start), epoch µs
     */
    public static Optional<Long> parse(String typed, long dayOfUs) {
        String t = withoutZone(typed);
        if (t.contains("-")) {
            return parse(t);
        }
        try {
            LocalDate day = LocalDateTime.ofEpochSecond(Math.floorDiv(dayOfUs, 1_000_000L), 0, ZoneOffset.UTC)
                    .toLocalDate();
            return Optional.of(epochUs(LocalDateTime.of(day, LocalTime.parse(t, CLOCK))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * "2025-03-03 09:10:00 UTC": a time shown in a field or a tooltip, to the second; to the millisecond
     * ("09:10:00.250") only when what it bounds is shorter than a second, so two ends never read the same.
     *
     * @param spanUs the length of the interval or range the time bounds, µs
     */
    public static String shown(long us, long spanUs) {
        if (Math.abs(spanUs) >= 1_000_000L) {
            return HumanFormat.clock(us);
        }
        long ms = Math.floorDiv(us, 1000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000L),
                (int) Math.floorMod(ms, 1000L) * 1_000_000, ZoneOffset.UTC);
        return t.format(WITH_MILLIS) + " UTC";
    }

    /** "12:34:56": how a time is offered for editing, on its own day. */
    public static String clock(long us) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(us, 1_000_000L), 0, ZoneOffset.UTC).toLocalTime()
                .format(SHOWN_CLOCK);
    }

    private static String withoutZone(String typed) {
        String t = typed == null ? "" : typed.strip();
        return Z.matcher(UTC.matcher(t).replaceAll("")).replaceAll("");
    }

    private static long epochUs(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }
}
