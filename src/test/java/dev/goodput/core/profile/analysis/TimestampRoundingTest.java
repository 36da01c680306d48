package dev.goodput.core.profile.analysis;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampRoundingTest {
    /** The float64 of ns / 1000 is what parsing the µs text gives, at every magnitude a trace uses. */
    @Property(tries = 3000)
    void microsEqualsParsingTheDecimalText(@ForAll @LongRange(min = 0, max = 4_000_000_000_000_000_000L) long ns) {
        String text = BigDecimal.valueOf(ns, 3).toPlainString();
        assertEquals(Double.parseDouble(text), TimestampRounding.micros(ns), text);
    }

    @Property(tries = 3000)
    void microsAtEpochMagnitudes(@ForAll @LongRange(min = 1_500_000_000_000_000_000L,
            max = 1_900_000_000_000_000_000L) long ns) {
        String text = BigDecimal.valueOf(ns, 3).toPlainString();
        assertEquals(Double.parseDouble(text), TimestampRounding.micros(ns), text);
    }

    /** HTA: ts 1712195495519689.047 is float64 ...689.0 (0.25 µs grain), so ceil gives ...689, not ...690. */
    @Test
    void htaRoundsInFloat64() {
        long ts = 1712195495519689047L;
        assertEquals(1712195495519689000L, TimestampRounding.HTA.start(ts));
        assertEquals(ts, TimestampRounding.EXACT.start(ts));
        // end = ts + 2.960 µs = ...691.997 exact; float64 ...689.0 + 2.96 = ...692.0, floor ...692
        assertEquals(1712195495519692000L, TimestampRounding.HTA.end(ts, ts + 2960));
        assertEquals(ts + 2960, TimestampRounding.EXACT.end(ts, ts + 2960));
    }

    @Test
    void smallTimesRoundAsExactDecimalsWould() {
        assertEquals(4458676522691000L, TimestampRounding.HTA.start(4458676522690655L));
        assertEquals(4458676522690000L, TimestampRounding.HTA.end(4458676522680655L, 4458676522690655L));
    }
}
