package dev.goodput.app.attribution;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration typed by a user: "90" or "90 s", "5 min" or "5m", "1.5 h", "2 d"; a bare number is seconds. */
final class DurationText {
    private static final Pattern DURATION = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?");

    private DurationText() {
    }

    /** Epoch-free microseconds; 0 for a blank text; empty when the text is not a duration. */
    static Optional<Long> parseMicros(String typed) {
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
}
