package dev.goodput.app.attribution;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations for people. Read: "90" or "90 s", "5 min" or "5m", "1.5 h", "2 d"; a bare number is seconds. Written:
 * whole units, the two largest ("8 min 20 s", "3 h 15 min", "2 d 4 h"), milliseconds only under a second, never
 * microseconds.
 */
public final class DurationText {
    private static final Pattern DURATION = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?");

    private DurationText() {
    }

    /** Epoch-free microseconds; 0 for a blank text; empty when the text is not a duration. */
    public static Optional<Long> parseMicros(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.of(0L);
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit.charAt(0)) {
            case 'm' -> n * 60;
            case 'h' -> n * 3600;
            case 'd' -> n * 86400;
            default -> n;
        };
        return Optional.of(Math.round(seconds * 1e6));
    }

    /** "350 ms", "42 s", "8 min 20 s", "3 h 15 min", "2 d 4 h": rounded to the smaller of the two units shown. */
    public static String format(long us) {
        long abs = Math.abs(us);
        String sign = us < 0 ? "-" : "";
        if (abs < 1_000_000L) {
            return sign + Math.round(abs / 1000.0) + " ms";
        }
        long s = Math.round(abs / 1e6);
        if (s < 60) {
            return sign + s + " s";
        }
        if (s < 3600) {
            return sign + two(s, 60, "min", "s");
        }
        long min = Math.round(s / 60.0);
        if (min < 24 * 60) {
            return sign + two(min, 60, "h", "min");
        }
        return sign + two(Math.round(min / 60.0), 24, "d", "h");
    }

    /** {@code n} small units as big units and the rest: "8 min 20 s", "8 min" when the rest is 0. */
    private static String two(long n, long perBig, String big, String small) {
        long rest = n % perBig;
        return n / perBig + " " + big + (rest == 0 ? "" : " " + rest + " " + small);
    }
}
