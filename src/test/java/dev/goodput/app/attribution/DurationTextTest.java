package dev.goodput.app.attribution;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationTextTest {
    @Test
    void readsNumbersWithUnitsAndBareSeconds() {
        assertEquals(Optional.of(0L), DurationText.parseMicros(" "));
        assertEquals(Optional.of(90_000_000L), DurationText.parseMicros("90"));
        assertEquals(Optional.of(90_000_000L), DurationText.parseMicros("90 s"));
        assertEquals(Optional.of(300_000_000L), DurationText.parseMicros("5m"));
        assertEquals(Optional.of(300_000_000L), DurationText.parseMicros("5 min"));
        assertEquals(Optional.of(5_400_000_000L), DurationText.parseMicros("1.5 h"));
        assertEquals(Optional.of(5_400_000_000L), DurationText.parseMicros("1,5 hours"));
        assertEquals(Optional.of(172_800_000_000L), DurationText.parseMicros("2 d"));
        assertEquals(Optional.empty(), DurationText.parseMicros("5 parsecs"));
        assertEquals(Optional.empty(), DurationText.parseMicros("-5"));
    }

    @Test
    void writesWholeUnitsTheTwoLargestAndNeverMicroseconds() {
        assertEquals("0 ms", DurationText.format(0));
        assertEquals("350 ms", DurationText.format(350_123));
        assertEquals("1 s", DurationText.format(1_000_001));
        assertEquals("42 s", DurationText.format(42_400_000));
        assertEquals("8 min 20 s", DurationText.format(500_000_000));
        assertEquals("8 min", DurationText.format(480_000_000));
        assertEquals("3 h 15 min", DurationText.format(11_700_000_000L));
        assertEquals("2 d 4 h", DurationText.format(187_200_000_000L));
        assertEquals("2 d", DurationText.format(172_800_000_000L + 60_000_000L));
        assertEquals("-42 s", DurationText.format(-42_000_000));
    }
}
