package dev.goodput.core.io;

import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which epoch numbers wait for the file's other times, and how they are then read. */
class TimeUnitSlipTest {
    private static final Source SRC = new Source("f.jsonl", 7);

    @Test
    void secondsOfRealDatesAndIsoTimesAreReadAtOnce() {
        assertFalse(TimeUnitSlip.larger("1717000000"));
        assertFalse(TimeUnitSlip.larger("1717000000.123456"));
        assertFalse(TimeUnitSlip.larger("9999999999"));
        assertFalse(TimeUnitSlip.larger("0"));
        assertFalse(TimeUnitSlip.larger("1.717e9"));
        assertFalse(TimeUnitSlip.larger("2024-05-29T16:26:40Z"));
        assertFalse(TimeUnitSlip.larger("yesterday"));
    }

    @Test
    void numbersPastTheYear2286AsSecondsWait() {
        assertTrue(TimeUnitSlip.larger("10000000000"));
        assertTrue(TimeUnitSlip.larger("1717000000123"));
        assertTrue(TimeUnitSlip.larger("1.717000000123e12"));
        assertTrue(TimeUnitSlip.larger("-1717000000123"));
        assertTrue(TimeUnitSlip.larger("1e30"));
    }

    @Test
    void theUnitIsTheOneThatLandsNearTheFilesTimesWhateverItsForm() throws InputException {
        TimeUnitSlip slip = new TimeUnitSlip();
        slip.observe("2024-05-29T16:00:00Z");
        slip.observe("1717000000");
        slip.observe("1.717000000123e12");
        RunBuilder run = new RunBuilder();
        assertEquals(1_717_000_000_123_000L, slip.micros("time", "1.717000000123e12", SRC, run));
        assertEquals(1_717_000_000_000_001L, slip.micros("time", "1717000000000001", SRC, run));
        assertEquals(1_717_000_000_000_000L, slip.micros("time", "1717000000000000999", SRC, run));
        InputException far = assertThrows(InputException.class, () -> slip.micros("time", "-1717000000123", SRC, run));
        assertEquals("expected \"time\" in seconds near the run's other times (2024-05-29T16:00:00Z to "
                + "2024-05-29T16:26:40Z), found -1717000000123", far.detail());
        assertEquals(3, run.problems().size());
    }

    @Test
    void onlyTheFirstTwentyConversionsOfAFileAreListed() throws InputException {
        TimeUnitSlip slip = new TimeUnitSlip();
        for (int i = 0; i < 25; i++) {
            slip.observe(String.valueOf(1_717_000_000_000L + i * 1000L));
        }
        RunBuilder run = new RunBuilder();
        for (int i = 0; i < 25; i++) {
            slip.micros("time", String.valueOf(1_717_000_000_000L + i * 1000L), SRC, run);
        }
        slip.finish(run, "f.jsonl");
        assertEquals(21, run.problems().size());
        assertEquals("and 5 more times read in milliseconds, microseconds or nanoseconds; not listed",
                run.problems().get(20).message());
    }
}
