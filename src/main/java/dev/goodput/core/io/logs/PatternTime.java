package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Reads the text of a {@link LinePattern}'s time group, which must be a time and nothing else: in a format the user
 * gave, else in one of the forms the other readers know ({@link TimeText}), else as an epoch number whose unit its
 * number of whole digits tells (9–10 seconds, 12–13 milliseconds, 15–16 microseconds, 18–19 nanoseconds: the
 * times of 1973–2286 in each unit, so that a count of seconds since boot or a duration is not taken for a date).
 */
final class PatternTime {
    /** The forms read without a format, for messages. */
    static final String FORMS = "ISO-8601 (2024-05-01T12:00:00Z, 2024-05-01 12:00:00,123), dmesg -T's "
            + "Wed May  1 12:00:00 2024, syslog's May  1 12:00:00, glog's I0501 12:00:00.123456, or epoch "
            + "seconds (10 digits), milliseconds (13), microseconds (16) or nanoseconds (19)";

    private static final int[] MICROS_SHIFT = {6, 3, 0, -3};

    private PatternTime() {
    }

    /** Epoch µs, a {@link LogTime yearless} value, or {@link Times#UNKNOWN}. */
    static long read(String text, LogTime clock) {
        String t = text.strip();
        int n = t.length();
        if (n == 0) {
            return Times.UNKNOWN;
        }
        long v;
        if (TimeText.isDigit(t.charAt(0))) {
            v = TimeText.dateTime(t, 0, clock);
            if (v != Times.UNKNOWN) {
                return TimeText.end() == n ? v : Times.UNKNOWN;
            }
            return epoch(t);
        }
        v = TimeText.glog(t, 0);
        if (v == Times.UNKNOWN) {
            v = TimeText.syslog(t, 0);
        }
        if (v != Times.UNKNOWN) {
            return TimeText.end() == n ? v : Times.UNKNOWN;
        }
        return TimeText.dmesgT(t, 0, n, clock);
    }

    /** As {@link #read(String, LogTime)} in the format {@code f} alone (with no year: a yearless value). */
    static long read(String text, DateTimeFormatter f, LogTime clock) {
        TemporalAccessor a;
        try {
            a = f.parse(text.strip());
        } catch (DateTimeParseException e) {
            return Times.UNKNOWN;
        }
        LocalTime time = a.query(TemporalQueries.localTime());
        if (time == null) {
            return Times.UNKNOWN;
        }
        int micros = time.getNano() / 1000;
        LocalDate date = a.query(TemporalQueries.localDate());
        if (date == null) {
            if (!a.isSupported(ChronoField.MONTH_OF_YEAR) || !a.isSupported(ChronoField.DAY_OF_MONTH)) {
                return Times.UNKNOWN;
            }
            return LogTime.yearless(a.get(ChronoField.MONTH_OF_YEAR), a.get(ChronoField.DAY_OF_MONTH), time.getHour(),
                    time.getMinute(), time.getSecond(), micros);
        }
        ZoneId zone = a.query(TemporalQueries.zone());
        if (zone != null) {
            ZonedDateTime z = ZonedDateTime.of(date, time, zone);
            return z.toEpochSecond() * 1_000_000L + micros;
        }
        return clock.epochMicros(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), time.getHour(),
                time.getMinute(), time.getSecond(), micros);
    }

    /**
     * An epoch number ({@code 1714564800}, {@code 1714564800.5}, {@code 1714564800123}, zap's
     * {@code 1.708507919323319e+09}) in µs, its unit told by its whole digits; {@link Times#UNKNOWN} otherwise.
     */
    private static long epoch(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!TimeText.isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+') {
                return Times.UNKNOWN;
            }
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            return Times.UNKNOWN;
        }
        int whole = v.precision() - v.scale();
        int unit = whole >= 9 && whole <= 19 && (whole % 3 == 0 || whole % 3 == 1) ? (whole - 9) / 3 : -1;
        if (unit < 0) {
            return Times.UNKNOWN;
        }
        // Digits past the microsecond are dropped, as TimeText drops a fraction's.
        return v.movePointRight(MICROS_SHIFT[unit]).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** Why {@code text} is no time, for a bad record. */
    static String expected(String text, String timeFormat) {
        String found = "found \"" + text + "\"";
        if (timeFormat != null) {
            return "expected a time of the form " + timeFormat + " in the time group, " + found;
        }
        return "expected a time in the time group: " + FORMS + "; " + found;
    }
}
