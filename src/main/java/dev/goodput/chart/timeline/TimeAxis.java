package dev.goodput.chart.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick marks for a time axis at any zoom, from microseconds to years, at round clock times in UTC: a "nice" step
 * (1-2-5 below a second, then seconds, minutes, hours, days, weeks from Monday, months, quarters, years) giving ticks
 * at least {@code minPixels} apart, each at a multiple of its step (ten-minute marks, whole hours, midnights, month
 * starts) whatever the run's start; labelled with calendar time (UTC) and time since the run started.
 */
public final class TimeAxis {
    private static final long DAY = 86_400_000_000L;
    /** Steps up to a week: multiples of these since the epoch (a midnight, UTC) are round clock times. */
    private static final long[] STEPS_US = {
            1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000,
            500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000, 60_000_000, 120_000_000,
            300_000_000, 600_000_000, 900_000_000, 1_800_000_000, 3_600_000_000L, 7_200_000_000L, 10_800_000_000L,
            21_600_000_000L, 43_200_000_000L, DAY, 2 * DAY, 7 * DAY, 14 * DAY};
    /** Longer steps, in months: month starts, quarters, half years, years, … */
    private static final int[] MONTHS = {1, 2, 3, 6, 12, 24, 60, 120};
    /** The shortest month: month steps are chosen as if every month were this long, so ticks never crowd. */
    private static final long MONTH_MIN_US = 28 * DAY;
    /** 1970-01-05, a Monday: weeks are counted from it. */
    private static final long MONDAY_US = 4 * DAY;

    /** One tick: its time, its calendar label and its label as time since the run's start. */
    public record Tick(long timeUs, String calendar, String elapsed) {
    }

    private TimeAxis() {
    }

    /** The step (µs) of ticks at least {@code minPixels} apart; month steps as 28 days each. */
    public static long step(long spanUs, double widthPx, double minPixels) {
        double perPx = spanUs / Math.max(1, widthPx);
        for (long s : STEPS_US) {
            if (s / perPx >= minPixels) {
                return s;
            }
        }
        for (int m : MONTHS) {
            if (m * MONTH_MIN_US / perPx >= minPixels) {
                return m * MONTH_MIN_US;
            }
        }
        return MONTHS[MONTHS.length - 1] * MONTH_MIN_US;
    }

    public static List<Tick> ticks(TimelineViewport v, double widthPx, double minPixels) {
        long step = step(v.span(), widthPx, minPixels);
        List<Tick> out = new ArrayList<>();
        if (step >= MONTH_MIN_US && step % MONTH_MIN_US == 0) {
            int months = (int) (step / MONTH_MIN_US);
            LocalDate day = date(v.start()).withDayOfMonth(1);
            while ((12L * day.getYear() + day.getMonthValue() - 1) % months != 0) { // quarters start in January
                day = day.minusMonths(1);
            }
            for (long t = micros(day); t <= v.end() && out.size() < 1000; day = day.plusMonths(months),
                    t = micros(day)) {
                if (t >= v.start()) {
                    out.add(new Tick(t, calendar(t, DAY), elapsed(t - v.dataStart(), DAY)));
                }
            }
            return out;
        }
        long origin = step >= 7 * DAY ? MONDAY_US : 0; // weeks start on Mondays; shorter steps at the epoch's midnight
        long first = Math.floorDiv(v.start() - origin + step - 1, step) * step + origin;
        for (long t = first; t <= v.end() && out.size() < 1000; t += step) {
            out.add(new Tick(t, calendar(t, step), elapsed(t - v.dataStart(), step)));
        }
        return out;
    }

    private static LocalDate date(long us) {
        return LocalDate.ofEpochDay(Math.floorDiv(us, DAY));
    }

    private static long micros(LocalDate d) {
        return d.toEpochDay() * DAY;
    }

    static String calendar(long us, long step) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
        String pattern = step >= DAY ? "yyyy-MM-dd" : step >= 60_000_000L ? "MM-dd HH:mm"
                : step >= 1_000_000L ? "HH:mm:ss" : step >= 1_000 ? "HH:mm:ss.SSS" : "ss.SSSSSS";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(i);
    }

    /** Time since start in the largest units that keep the step readable: 3d 4h, 1h 05m, 12.5 s, 350 µs. */
    static String elapsed(long us, long step) {
        if (step >= DAY) {
            return "+" + us / DAY + "d";
        }
        if (step >= 3_600_000_000L) {
            return String.format(Locale.ROOT, "+%dd %02dh", us / DAY, us / 3_600_000_000L % 24);
        }
        if (step >= 60_000_000L) {
            return String.format(Locale.ROOT, "+%dh %02dm", us / 3_600_000_000L, us / 60_000_000L % 60);
        }
        if (step >= 1_000_000L) {
            return String.format(Locale.ROOT, "+%dm %02ds", us / 60_000_000L, us / 1_000_000L % 60);
        }
        if (step >= 1_000) {
            return String.format(Locale.ROOT, "+%.3f s", us / 1e6);
        }
        return String.format(Locale.ROOT, "+%d µs", us);
    }
}
