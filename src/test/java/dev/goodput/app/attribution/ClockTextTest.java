package dev.goodput.app.attribution;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClockTextTest {
    /** 2022-04-05 06:25:35 UTC. */
    private static final long DAY = 1_649_139_935_000_000L;

    @Test
    void readsAClockOnTheGivenDayOrAFullDateAsUtc() {
        assertEquals(Optional.of(1_649_160_000_000_000L), ClockText.parse("12:00:00", DAY));
        assertEquals(Optional.of(1_649_160_000_000_000L), ClockText.parse(" 12:00 ", DAY));
        assertEquals(Optional.of(1_649_160_000_000_000L), ClockText.parse("12:00:00 UTC", DAY));
        assertEquals(Optional.of(1_649_206_800_000_000L), ClockText.parse("2022-04-06 01:00:00", DAY));
        assertEquals(Optional.of(1_649_206_800_000_000L), ClockText.parse("2022-04-06T01:00:00Z", 0));
        assertEquals(Optional.of(1_649_160_000_000_000L), ClockText.parse("12:00:00 utc", DAY));
        assertEquals(Optional.of(1_649_160_000_250_000L), ClockText.parse("12:00:00.25Z", DAY));
        assertEquals(Optional.of(1_649_206_800_000_000L), ClockText.parse("2022-04-06 1:00 UTC", DAY));
        assertEquals(Optional.of(1_649_206_800_123_456L), ClockText.parse("2022-04-06 01:00:00.123456 UTC", DAY));
        assertEquals(Optional.empty(), ClockText.parse("25:00:00", DAY));
        assertEquals(Optional.empty(), ClockText.parse("noon", DAY));
        assertEquals(Optional.empty(), ClockText.parse("", DAY));
        assertEquals("06:25:35", ClockText.clock(DAY));
    }

    @Test
    void withoutADayOnlyAFullDateIsATime() {
        assertEquals(Optional.of(1_649_206_800_000_000L), ClockText.parse("2022-04-06 01:00:00 UTC"));
        assertEquals(Optional.of(1_649_206_800_000_000L), ClockText.parse(" 2022-04-06T01:00z "));
        assertEquals(Optional.empty(), ClockText.parse("01:00:00"));
        assertEquals(Optional.empty(), ClockText.parse("2022-04-06 9h10"));
        assertEquals(Optional.empty(), ClockText.parse(null));
    }

    @Test
    void timesAreShownToTheSecondAndToTheMillisecondOnlyUnderASecond() {
        long t = 1_649_206_800_123_456L; // 2022-04-06 01:00:00.123456 UTC
        assertEquals("2022-04-06 01:00:00 UTC", ClockText.shown(t, 1_000_000));
        assertEquals("2022-04-06 01:00:00 UTC", ClockText.shown(t, Long.MAX_VALUE));
        assertEquals("2022-04-06 01:00:00.123 UTC", ClockText.shown(t, 500_000));
        assertEquals(Optional.of(1_649_206_800_123_000L), ClockText.parse(ClockText.shown(t, 500_000)),
                "reads back to the millisecond");
        assertEquals("01:00:00", ClockText.clock(t));
    }
}
