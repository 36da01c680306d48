package dev.goodput.core.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports and the workbench write times and numbers for people (locale-independent, so they agree). */
public final class HumanFormat {
    private HumanFormat() {
    }

    public static String iso(long micros) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    public static String pct(Double fraction) {
        return fraction == null || fraction.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A duration for people: 5.2 s, 14.0 min, 3.25 h, 2.10 d. */
    public static String duration(Double seconds) {
        if (seconds == null || seconds.isNaN()) {
            return "n/a";
        }
        double s = seconds;
        if (Math.abs(s) < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (Math.abs(s) < 7200) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        if (Math.abs(s) < 172800) {
            return String.format(Locale.ROOT, "%.2f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.2f d", s / 86400);
    }

    public static String sci(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3e", v);
    }
}
