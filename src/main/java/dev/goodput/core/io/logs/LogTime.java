package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Times read from log lines, as epoch microseconds. A time written without a zone is read in the file's zone
 * ({@code --tz}, default UTC). A time written without a year (glog's {@code I0706 16:50:15.123456}) cannot be
 * placed until the run's year is known, so it is kept as a <em>yearless</em> value: its local date and time in
 * the leap year 2000, shifted into a range of {@code long} no real epoch time uses. {@link #resolve} places it
 * once the year is known (from another line or file of the run, or {@code --start}).
 */
public final class LogTime {
    /** Yearless values lie in [BASE, BASE + one year); epoch times of real runs are far above. */
    private static final long BASE = Long.MIN_VALUE / 2;
    private static final long YEAR_2000_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final ZoneRules rules;
    private final boolean utc;
    // One-entry cache: the offset of the last local hour converted (logs go forward in time, hour after hour). One
    // array holds key and offset, so that the reading and recognising threads of a file always see a matching pair.
    private volatile long[] cachedHour = {Long.MIN_VALUE, 0};

    public LogTime(ZoneId zone) {
        this.rules = zone.getRules();
        this.utc = rules.isFixedOffset() && rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() == 0;
    }

    /** Whether {@code t} is a yearless value awaiting {@link #resolve}. */
    public static boolean isYearless(long t) {
        return t >= BASE && t < BASE + 400L * MICROS_PER_DAY;
    }

    /**
     * Epoch µs of a local date and time in this zone; {@link Times#UNKNOWN} when the fields are not a date.
     * In a DST gap or overlap the earlier offset applies, as {@link java.time.ZonedDateTime#of} does.
     */
    public long epochMicros(int year, int month, int day, int hour, int minute, int second, int micros) {
        if (!valid(year, month, day, hour, minute, second)) {
            return Times.UNKNOWN;
        }
        long localUs = localMicros(LocalDate.of(year, month, day).toEpochDay(), hour, minute, second, micros);
        return localUs - offsetUs(localUs);
    }

    /** A time with its own UTC offset (seconds east of UTC), e.g. ISO-8601 with {@code +02:00} or {@code Z}. */
    public static long epochMicros(int year, int month, int day, int hour, int minute, int second, int micros,
                                   int offsetSeconds) {
        if (!valid(year, month, day, hour, minute, second)) {
            return Times.UNKNOWN;
        }
        return localMicros(LocalDate.of(year, month, day).toEpochDay(), hour, minute, second, micros)
                - offsetSeconds * 1_000_000L;
    }

    /** A yearless value for a month, day and time of day; {@link Times#UNKNOWN} when not a date. */
    public static long yearless(int month, int day, int hour, int minute, int second, int micros) {
        if (!valid(2000, month, day, hour, minute, second)) {
            return Times.UNKNOWN;
        }
        long day2000 = LocalDate.of(2000, month, day).toEpochDay() - YEAR_2000_DAY;
        return BASE + localMicros(day2000, hour, minute, second, micros);
    }

    /**
     * Places a yearless value in {@code year} and this zone. February 29 in a non-leap year is read as March 1
     * (the log cannot have written it; a wrong year was given).
     */
    public long resolve(long yearless, int year) {
        long local = yearless - BASE;
        long dayOfYear2000 = Math.floorDiv(local, MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(local, MICROS_PER_DAY);
        LocalDate d2000 = LocalDate.ofEpochDay(YEAR_2000_DAY + dayOfYear2000);
        LocalDate date = d2000.getMonthValue() == 2 && d2000.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)
                ? LocalDate.of(year, 3, 1) : d2000.withYear(year);
        long localUs = date.toEpochDay() * MICROS_PER_DAY + timeOfDay;
        return localUs - offsetUs(localUs);
    }

    /** The year of an epoch time in this zone. */
    public int yearOf(long epochUs) {
        java.time.Instant i = java.time.Instant.ofEpochSecond(Math.floorDiv(epochUs, 1_000_000L));
        return LocalDateTime.ofInstant(i, rules.getOffset(i)).getYear();
    }

    private long offsetUs(long localUs) {
        if (utc) {
            return 0;
        }
        long hourKey = Math.floorDiv(localUs, 3_600_000_000L);
        long[] cached = cachedHour;
        if (hourKey != cached[0]) {
            LocalDateTime ldt = LocalDateTime.ofEpochSecond(Math.floorDiv(localUs, 1_000_000L), 0, ZoneOffset.UTC);
            long offset = rules.getValidOffsets(ldt).stream().findFirst()
                    .orElseGet(() -> rules.getOffset(ldt.minusHours(2).toInstant(ZoneOffset.UTC)))
                    .getTotalSeconds() * 1_000_000L;
            cached = new long[]{hourKey, offset};
            cachedHour = cached;
        }
        return cached[1];
    }

    private static long localMicros(long epochDay, int hour, int minute, int second, int micros) {
        return epochDay * MICROS_PER_DAY + ((hour * 60L + minute) * 60L + second) * 1_000_000L + micros;
    }

    private static boolean valid(int year, int month, int day, int hour, int minute, int second) {
        return year >= 1970 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
                && day <= java.time.YearMonth.of(year, month).lengthOfMonth() && hour >= 0 && hour <= 23
                && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
    }
}
