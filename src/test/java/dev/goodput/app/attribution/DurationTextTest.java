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
}
