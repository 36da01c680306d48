package dev.goodput.chart.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ticks at round clock times in UTC (midnights and month starts, whole hours, ten-minute marks), whatever the start. */
class TimeAxisTest {
    /** BLOOM's start, 2022-03-11 19:42:00 UTC: nothing round about it. */
    private static final long START = Instant.parse("2022-03-11T19:42:00Z").getEpochSecond() * 1_000_000L;
    private static final long MIN = 60_000_000L;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;

    private static ZonedDateTime utc(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L)).atZone(ZoneOffset.UTC);
    }

    private static List<TimeAxis.Tick> ticks(long span, double width) {
        return TimeAxis.ticks(TimelineViewport.fit(START, START + span), width, 110);
    }

    @Test
    void aLongRunIsTickedAtMonthStartsOrMidnights() {
        List<TimeAxis.Tick> ticks = ticks(115 * DAY, 800);
        assertTrue(ticks.size() >= 3, ticks.toString());
        for (TimeAxis.Tick t : ticks) {
            ZonedDateTime z = utc(t.timeUs());
            assertEquals(0, z.getHour() * 60 + z.getMinute(), "midnight: " + z);
            assertTrue(t.timeUs() >= START && t.timeUs() <= START + 115 * DAY);
        }
        // Wider, fortnights: Mondays at midnight.
        assertTrue(ticks(115 * DAY, 1600).stream().allMatch(t -> utc(t.timeUs()).getDayOfWeek()
                == java.time.DayOfWeek.MONDAY && utc(t.timeUs()).getHour() == 0));
        // 115 days over 800 px: a fortnight is under 110 px, so a tick every month, at its start.
        assertTrue(ticks.stream().allMatch(t -> utc(t.timeUs()).getDayOfMonth() == 1), ticks.toString());
        assertEquals("2022-04-01", ticks.get(0).calendar());
    }

    @Test
    void aDayIsTickedAtWholeHoursAndAnHourAtTenMinuteMarks() {
        for (TimeAxis.Tick t : ticks(DAY, 1600)) {
            ZonedDateTime z = utc(t.timeUs());
            assertEquals(0, z.getMinute() + z.getSecond(), "whole hour: " + z);
        }
        List<TimeAxis.Tick> hour = ticks(HOUR, 1600);
        for (TimeAxis.Tick t : hour) {
            ZonedDateTime z = utc(t.timeUs());
            assertEquals(0, z.getMinute() % 5 + z.getSecond(), "a round minute: " + z);
        }
        assertEquals("03-11 19:45", hour.get(0).calendar());
    }

    @Test
    void labelsAreFarEnoughApartNotToCollide() {
        for (long span : new long[]{10 * MIN, HOUR, DAY, 7 * DAY, 54 * DAY, 400 * DAY}) {
            List<TimeAxis.Tick> ticks = ticks(span, 1200);
            TimelineViewport v = TimelineViewport.fit(START, START + span);
            for (int i = 1; i < ticks.size(); i++) {
                double gap = v.xOf(ticks.get(i).timeUs(), 1200) - v.xOf(ticks.get(i - 1).timeUs(), 1200);
                assertTrue(gap >= 100, span + ": ticks " + gap + " px apart");
            }
            assertTrue(ticks.size() >= 2, span + ": " + ticks.size());
        }
    }
}
