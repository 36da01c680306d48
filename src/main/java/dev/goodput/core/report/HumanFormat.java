package dev.goodput.core.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    /** FLOP/s in TFLOP/s to four significant digits, trailing zeros dropped: "989.4 TFLOP/s", "312 TFLOP/s". */
    public static String teraflops(double flopsPerSecond) {
        java.math.BigDecimal t = new java.math.BigDecimal(flopsPerSecond / 1e12)
                .round(new java.math.MathContext(4)).stripTrailingZeros();
        return t.toPlainString() + " TFLOP/s";
    }

    public static String sci(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3e", v);
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    /** "2025-03-03 09:00:00 → 09:36:33 UTC (36.6 min)": the end's date only when it differs, to the second. */
    public static String window(long startUs, long endUs) {
        return clockRange(startUs, endUs, " → ") + " (" + duration((endUs - startUs) / 1e6) + ")";
    }

    /** "2025-03-03 09:00:00{dash}09:36:33 UTC", to the second; the end's date only when it differs. */
    public static String clockRange(long startUs, long endUs, String dash) {
        LocalDateTime start = utcSecond(startUs);
        LocalDateTime end = utcSecond(endUs);
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? end.format(CLOCK) : end.format(DATE_CLOCK);
        return start.format(DATE_CLOCK) + dash + endText + " UTC";
    }

    /** "2025-03-03 09:00:00 UTC", to the second. */
    public static String clock(long micros) {
        return utcSecond(micros).format(DATE_CLOCK) + " UTC";
    }

    private static LocalDateTime utcSecond(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    }
}
