package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A user's pattern for the fault lines of a log no built-in format reads ({@code --line-pattern}): a Java regular
 * expression with the named groups {@code time} and {@code message}, optionally {@code node} and {@code rank}, and
 * optionally a {@link DateTimeFormatter} pattern for the time group's text ({@code --line-time-format}); without
 * one the time is read in the forms {@link PatternTime} knows. Checked when made, so that a bad pattern is one
 * usage error before any file is read.
 */
public final class LinePattern {
    public static final String TIME = "time";
    public static final String MESSAGE = "message";
    public static final String NODE = "node";
    public static final String RANK = "rank";

    private final Pattern regex;
    private final boolean node;
    private final boolean rank;
    private final String timeFormat;
    private final DateTimeFormatter formatter;

    private LinePattern(Pattern regex, boolean node, boolean rank, String timeFormat, DateTimeFormatter formatter) {
        this.regex = regex;
        this.node = node;
        this.rank = rank;
        this.timeFormat = timeFormat;
        this.formatter = formatter;
    }

    /**
     * @param timeFormat a {@link DateTimeFormatter} pattern (English month and day names), or null to read the
     *                   time group in the known forms
     * @throws IllegalArgumentException saying what was expected: the regex does not compile, lacks the time or
     *                                  message group, or the time format is no pattern or gives no date and time
     */
    public static LinePattern of(String regex, String timeFormat) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("expected a Java regular expression, found \"" + regex + "\" ("
                    + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")");
        }
        Matcher names = namesOf(regex);
        for (String required : new String[]{TIME, MESSAGE}) {
            if (!has(names, required)) {
                throw new IllegalArgumentException("expected the named groups (?<time>…) and (?<message>…) in the "
                        + "pattern, found no group named " + required + " in \"" + regex + "\"");
            }
        }
        DateTimeFormatter f = timeFormat == null ? null : formatter(timeFormat);
        return new LinePattern(p, has(names, NODE), has(names, RANK), timeFormat, f);
    }

    /** The regex without its groups' meaning, for {@link #has}: a match of nothing, whatever the pattern says. */
    private static Matcher namesOf(String regex) {
        // Java 17 has no Pattern.namedGroups(); a match is needed to ask a matcher for a group by name. The line
        // break ends a trailing (?x) comment; "\E" ends a trailing \Q quote.
        Pattern empty;
        try {
            empty = Pattern.compile("(?:" + regex + "\n)?");
        } catch (PatternSyntaxException e) {
            empty = Pattern.compile("(?:" + regex + "\\E\n)?");
        }
        Matcher m = empty.matcher("");
        m.lookingAt();
        return m;
    }

    private static boolean has(Matcher names, String group) {
        try {
            names.start(group);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DateTimeFormatter formatter(String timeFormat) {
        DateTimeFormatter f;
        try {
            f = DateTimeFormatter.ofPattern(timeFormat, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a time format of java.time's DateTimeFormatter (e.g. "
                    + "dd/MMM/yyyy:HH:mm:ss Z), found \"" + timeFormat + "\" (" + e.getMessage() + ")");
        }
        // The format must read back what it writes, with a date (or a month and day) and a time of day.
        ZonedDateTime reference = ZonedDateTime.of(2024, 5, 1, 12, 34, 56, 789_123_000, ZoneOffset.UTC);
        String written;
        try {
            written = f.format(reference);
        } catch (RuntimeException e) {
            written = null;
        }
        if (written == null || PatternTime.read(written, f, new LogTime(ZoneOffset.UTC)) == Times.UNKNOWN) {
            throw new IllegalArgumentException("expected a time format with a date (or a month and day) and a time "
                    + "of day, found \"" + timeFormat + "\"" + (written == null ? "" : " (it reads back nothing "
                    + "from \"" + written + "\")"));
        }
        return f;
    }

    public Pattern regex() {
        return regex;
    }

    /** Whether the pattern has a {@code node} group. */
    public boolean hasNode() {
        return node;
    }

    /** Whether the pattern has a {@code rank} group. */
    public boolean hasRank() {
        return rank;
    }

    /** The time format as given, or null. */
    public String timeFormat() {
        return timeFormat;
    }

    /** The time format, or null to read the known forms. */
    DateTimeFormatter formatter() {
        return formatter;
    }

    /** This pattern with another time format (null: the known forms). */
    public LinePattern withTimeFormat(String format) {
        return Objects.equals(format, timeFormat) ? this : of(regex.pattern(), format);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinePattern p && p.regex.pattern().equals(regex.pattern())
                && Objects.equals(p.timeFormat, timeFormat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex.pattern(), timeFormat);
    }

    @Override
    public String toString() {
        return regex.pattern() + (timeFormat == null ? "" : " (time: " + timeFormat + ")");
    }
}
