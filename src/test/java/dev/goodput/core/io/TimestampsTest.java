package dev.goodput.core.io;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimestampsTest {
    @Test
    void acceptsIsoWithOffsetAndEpochSeconds() {
        long expected = 1714564800L * 1_000_000L + 250_000L;
        assertEquals(expected, Timestamps.parseMicros("2024-05-01T12:00:00.25Z"));
        assertEquals(expected, Timestamps.parseMicros("2024-05-01T14:00:00.250+02:00"));
        assertEquals(expected, Timestamps.parseMicros("1714564800.25"));
        assertEquals(expected, Timestamps.parseMicros("1.71456480025e9"));
        assertEquals(1714564800L * 1_000_000L, Timestamps.parseMicros("2024-05-01T12:00Z"));
    }

    @Test
    void rejectsTimesWithoutOffsetAndNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parseMicros("2024-05-01T12:00:00"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parseMicros("2024-02-30T12:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parseMicros("yesterday"));
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parseMicros(""));
    }

    /** The hand-written fast path agrees with java.time on every instant it accepts. */
    @Property(tries = 2000)
    void fastUtcPathAgreesWithJavaTime(@ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long micros) {
        Instant i = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L);
        String text = DateTimeFormatter.ISO_INSTANT.format(i);
        assertEquals(micros, Timestamps.parseUtcFast(text), text);
        assertEquals(micros, Timestamps.parseMicros(text), text);
    }
}
