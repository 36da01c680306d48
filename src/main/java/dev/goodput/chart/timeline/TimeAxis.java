package dev.goodput.chart.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick marks for a time axis at any zoom, from microseconds to months: a "nice" step (1-2-5 for sub-second,
 * then s, min, h, d steps) giving ticks at least {@code minPixels} apart, labelled with calendar time (UTC) and
 * time since the run started.
 */
public final class TimeAxis {
    private static final long[] STEPS_US = {
            1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000,
            500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000, 60_000_000, 120_000_000,
            300_000_000, 600_000_000, 900_000_000, 1_800_000_000, 3_600_000_000L, 7_200_000_000L, 10_800_000_000L,
            21_600_000_000L, 43_200_000_000L, 86_400_000_000L, 172_800_000_000L, 604_800_000_000L,
            1_209_600_000_000L, 2_592_000_000_000L};

    /** One tick: its time, its calendar label and its label as time since the run's start. */
    public record Tick(long timeUs, String calendar, String elapsed) {
    }

    private TimeAxis() {
    }

    public static long step(long spanUs, double widthPx, double minPixels) {
        double perPx = spanUs / Math.max(1, widthPx);
        for (long s : STEPS_US) {
            if (s / perPx >= minPixels) {
                return s;
            }
        }
        return STEPS_US[STEPS_US.length - 1];
    }

    public static List<Tick> ticks(TimelineViewport v, double widthPx, double minPixels) {
        long step = step(v.span(), widthPx, minPixels);
        List<Tick> out = new ArrayList<>();
        long first = Math.floorDiv(v.start() - v.dataStart() + step - 1, step) * step + v.dataStart();
        for (long t = first; t <= v.end() && out.size() < 1000; t += step) {
            out.add(new Tick(t, calendar(t, step), elapsed(t - v.dataStart(), step)));
        }
        return out;
    }

    static String calendar(long us, long step) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
        String pattern = step >= 86_400_000_000L ? "yyyy-MM-dd" : step >= 60_000_000L ? "MM-dd HH:mm"
                : step >= 1_000_000L ? "HH:mm:ss" : step >= 1_000 ? "HH:mm:ss.SSS" : "ss.SSSSSS";
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(i);
    }

    /** Time since start in the largest units that keep the step readable: 3d 4h, 1h 05m, 12.5 s, 350 µs. */
    static String elapsed(long us, long step) {
        if (step >= 86_400_000_000L) {
            return "+" + us / 86_400_000_000L + "d";
        }
        if (step >= 3_600_000_000L) {
            return String.format(Locale.ROOT, "+%dd %02dh", us / 86_400_000_000L, us / 3_600_000_000L % 24);
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
