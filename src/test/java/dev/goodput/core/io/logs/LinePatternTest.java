package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pattern's checks at the edge, and the time forms its time group is read in. */
class LinePatternTest {
    private static final LogTime UTC = new LogTime(ZoneOffset.UTC);

    private static String refused(String regex, String format) {
        return assertThrows(IllegalArgumentException.class, () -> LinePattern.of(regex, format)).getMessage();
    }

    @Test
    void aPatternNeedsTheTimeAndMessageGroupsAndMayHaveNodeAndRank() {
        LinePattern p = LinePattern.of("^\\[(?<time>[^\\]]+)\\] error: (?<message>Nodes (?<node>\\S+) .*)", null);
        assertTrue(p.hasNode());
        assertFalse(p.hasRank());
        assertNull(p.timeFormat());
        assertEquals(p, LinePattern.of(p.regex().pattern(), null));
        assertNotEquals(p, LinePattern.of(p.regex().pattern(), "yyyy-MM-dd'T'HH:mm:ss.SSS"));
        assertTrue(LinePattern.of("(?<rank>\\d+) (?<time>\\S+) (?<message>.*)", null).hasRank());

        assertEquals("expected the named groups (?<time>…) and (?<message>…) in the pattern, found no group named "
                + "message in \"^\\[(?<time>[^\\]]+)\\] (?<msg>.*)\"", refused("^\\[(?<time>[^\\]]+)\\] (?<msg>.*)",
                null));
        assertEquals("expected the named groups (?<time>…) and (?<message>…) in the pattern, found no group named "
                + "time in \"^\\[([^\\]]+)\\] (?<message>.*)\"", refused("^\\[([^\\]]+)\\] (?<message>.*)", null));
        // A group named in a character class or escaped is no group.
        assertTrue(refused("[(?<time>x)] \\(?<message>y\\)", null).contains("no group named time"));
        assertEquals("expected a Java regular expression, found \"(?<time>\\S+ (?<message>.*)\" (Unclosed group at "
                + "index 26)", refused("(?<time>\\S+ (?<message>.*)", null));
    }

    @Test
    void groupsAreFoundWhateverTheFlagsAndQuotesAtTheEnd() {
        assertTrue(LinePattern.of("(?x) (?<time>\\S+) \\s (?<message>.*) # the rest", null).regex() != null);
        assertTrue(LinePattern.of("(?<time>\\S+) (?<message>.*)\\Q]", null).regex() != null);
    }

    @Test
    void aTimeFormatMustGiveADateOrMonthAndDayAndATimeOfDay() {
        assertEquals("yyyy-MM-dd HH:mm:ss", LinePattern.of("(?<time>.{19}) (?<message>.*)", "yyyy-MM-dd HH:mm:ss")
                .timeFormat());
        assertTrue(refused("(?<time>\\S+) (?<message>.*)", "HH:mm:ss").startsWith("expected a time format with a "
                + "date (or a month and day) and a time of day, found \"HH:mm:ss\" (it reads back nothing from "
                + "\"12:34:56\")"));
        assertTrue(refused("(?<time>\\S+) (?<message>.*)", "yyyy-MM-dd").contains("found \"yyyy-MM-dd\""));
        // A 12-hour clock without AM/PM is no time of day.
        assertTrue(refused("(?<time>\\S+) (?<message>.*)", "yyyy-MM-dd hh:mm").contains("a time of day"));
        assertTrue(refused("(?<time>\\S+) (?<message>.*)", "yyyy-MM-dd HH:mm:ss {").startsWith("expected a time "
                + "format of java.time's DateTimeFormatter (e.g. dd/MMM/yyyy:HH:mm:ss Z), found \"yyyy-MM-dd "
                + "HH:mm:ss {\""));
    }

    @Test
    void isoTimesWithAndWithoutAZone() {
        assertEquals(utc(2024, 2, 21, 9, 32, 29, 0), PatternTime.read("2024-02-21T09:32:29Z", UTC));
        assertEquals(utc(2025, 1, 21, 4, 41, 44, 283_302), PatternTime.read("2025-01-21T04:41:44,283302+00:00", UTC));
        assertEquals(utc(2015, 11, 10, 11, 32, 2, 284_000),
                PatternTime.read("2015-11-10T12:32:02.284", new LogTime(ZoneId.of("Europe/Amsterdam"))));
        assertEquals(utc(2024, 5, 1, 10, 0, 0, 123_000), PatternTime.read("2024-05-01 12:00:00,123+02:00", UTC));
        assertEquals(utc(2024, 5, 1, 12, 0, 0, 123_000), PatternTime.read(" 2024-05-01 12:00:00,123 ", UTC));
        // The time group must be a time and nothing else.
        assertEquals(Times.UNKNOWN, PatternTime.read("2024-05-01 12:00:00 level=info", UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("2024-05-01", UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("", UTC));
    }

    @Test
    void dmesgSyslogAndGlogTimes() {
        assertEquals(utc(2025, 2, 23, 16, 24, 18, 0), PatternTime.read("Sun Feb 23 16:24:18 2025", UTC));
        assertEquals(utc(2024, 4, 5, 21, 29, 39, 0), PatternTime.read("Fri Apr  5 21:29:39 2024", UTC));
        assertEquals(LogTime.yearless(2, 24, 9, 21, 38, 0), PatternTime.read("Feb 24 09:21:38", UTC));
        assertEquals(LogTime.yearless(12, 2, 11, 38, 47, 0), PatternTime.read("Dec  2 11:38:47", UTC));
        assertEquals(LogTime.yearless(8, 9, 22, 11, 24, 0), PatternTime.read("Aug 09 22:11:24", UTC),
                "a zero-padded day, as systemctl status writes it");
        assertEquals(LogTime.yearless(6, 26, 6, 24, 44, 903_881), PatternTime.read("E626 06:24:44.903881913", UTC),
                "c10's one-digit month, nanoseconds cut to µs");
        assertEquals(Times.UNKNOWN, PatternTime.read("Feb 30 09:21:38", UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("Sun Feb 23 16:24:18", UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("Feb 24 09:21:38 nrel-control", UTC));
    }

    @Test
    void epochNumbersTheirUnitByTheirWholeDigits() {
        long t = utc(2024, 2, 21, 9, 31, 59, 323_319);
        assertEquals(t, PatternTime.read("1.708507919323319e+09", UTC), "zap's seconds in exponent form");
        assertEquals(utc(2024, 2, 21, 9, 32, 29, 839_316), PatternTime.read("1.7085079498393168e+09", UTC),
                "digits past the µs are dropped, not rounded");
        assertEquals(t - 323_319, PatternTime.read("1708507919", UTC));
        assertEquals(t, PatternTime.read("1708507919.323319", UTC));
        assertEquals(t - 319, PatternTime.read("1708507919323", UTC), "13 digits: milliseconds");
        assertEquals(t, PatternTime.read("1708507919323319", UTC), "16 digits: microseconds");
        assertEquals(t, PatternTime.read("1708507919323319123", UTC), "19 digits: nanoseconds");
        assertEquals(utc(1973, 3, 3, 9, 46, 40, 0), PatternTime.read("100000000", UTC), "9 digits: seconds");
        // Seconds since boot, a duration, a number of no unit's length: no time.
        assertEquals(Times.UNKNOWN, PatternTime.read("24128.834365", UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("17085079193", UTC), "11 digits");
        assertEquals(170_850_791_932_000L, PatternTime.read("170850791932", UTC), "12 digits: milliseconds (1975)");
        assertEquals(Times.UNKNOWN, PatternTime.read("-1708507919", UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("1708507919s", UTC));
    }

    @Test
    void aGivenFormatAloneIsRead() {
        DateTimeFormatter apache = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
        assertEquals(utc(2024, 5, 1, 10, 0, 0, 0), PatternTime.read("01/May/2024:12:00:00 +0200", apache, UTC));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss.SSS", Locale.ENGLISH);
        assertEquals(utc(2024, 4, 30, 22, 0, 0, 5_000),
                PatternTime.read("20240501 000000.005", local, new LogTime(ZoneId.of("Europe/Paris"))),
                "no zone: the file's");
        DateTimeFormatter yearless = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);
        assertEquals(LogTime.yearless(8, 9, 22, 11, 24, 0), PatternTime.read("Aug 09 22:11:24", yearless, UTC));
        assertEquals(Times.UNKNOWN, PatternTime.read("2024-05-01T12:00:00Z", apache, UTC), "the format alone");
    }

    @Test
    void theExpectedTimeIsNamedInMessages() {
        assertEquals("expected a time in the time group: " + PatternTime.FORMS + "; found \"24128.834365\"",
                PatternTime.expected("24128.834365", null));
        assertEquals("expected a time of the form dd/MMM/yyyy:HH:mm:ss Z in the time group, found \"x\"",
                PatternTime.expected("x", "dd/MMM/yyyy:HH:mm:ss Z"));
    }
}
