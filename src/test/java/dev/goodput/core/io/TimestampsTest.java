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

    /**
     * The byte parser (run-log lines read as bytes) gives what the String parser gives, on times and near misses:
     * any fraction length, leap days, impossible dates, a digit or separator replaced.
     */
    @Property(tries = 3000)
    void byteParserEqualsStringParser(@ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long micros,
                                      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Instant i = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L);
        String whole = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(i);
        int digits = r.nextInt(11);
        String text = whole + (digits == 0 ? "" : "." + String.format("%09d", i.getNano()).concat("7").substring(0,
                digits)) + "Z";
        if (r.nextBoolean()) { // a near miss: one byte changed, or a date that does not exist
            char[] c = text.toCharArray();
            c[r.nextInt(c.length)] = "0123456789-T:.Z x\u00e9".charAt(r.nextInt(18));
            text = r.nextInt(4) == 0 ? text.substring(0, 5) + "02-" + (29 + r.nextInt(3)) + text.substring(10)
                    : new String(c);
        }
        byte[] b = ("\"" + text + "\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long fast = Timestamps.parseUtcFast(text);
        assertEquals(fast, Timestamps.parseUtcFast(b, 1, b.length - 1), text);
        // Both share one range check: java.time judges what it accepts, impossible dates included.
        Long byJavaTime;
        try {
            Instant parsed = Instant.parse(text);
            byJavaTime = parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1000;
        } catch (java.time.format.DateTimeParseException e) {
            byJavaTime = null;
        }
        if (fast != Long.MIN_VALUE) {
            assertEquals(byJavaTime, fast, text);
        } else if (byJavaTime != null && text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z")) {
            throw new AssertionError("the fast form of a real time refused: " + text);
        }
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
