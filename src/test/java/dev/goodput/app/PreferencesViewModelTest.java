package dev.goodput.app;

import dev.goodput.core.io.Limit;
import dev.goodput.core.io.ReadLimits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PreferencesViewModelTest {
    @Test
    void theLimitsAreShownAsPeopleWriteThem() {
        PreferencesViewModel m = new PreferencesViewModel(ReadLimits.DEFAULTS);
        assertEquals("16 MiB", m.text(Limit.LINE_BYTES).get());
        assertEquals("64", m.text(Limit.DEPTH).get());
        assertEquals("16 MiB", m.text(Limit.STRING_BYTES).get());
        assertEquals("16 GiB", m.text(Limit.DECOMPRESSED_BYTES).get());
        assertEquals("10000000", m.text(Limit.STEPS).get());
        assertEquals("", m.problemProperty().get());
        assertEquals(ReadLimits.DEFAULTS, m.limits());
    }

    @Test
    void typedValuesMakeTheLimits() {
        PreferencesViewModel m = new PreferencesViewModel(ReadLimits.DEFAULTS);
        m.text(Limit.LINE_BYTES).set("64M");
        m.text(Limit.STEPS).set("50,000,000");
        m.text(Limit.DECOMPRESSED_BYTES).set("100 GiB");
        assertEquals(ReadLimits.DEFAULTS.with(Limit.LINE_BYTES, 64L << 20).with(Limit.STEPS, 50_000_000)
                .with(Limit.DECOMPRESSED_BYTES, 100L << 30), m.limits());
    }

    @Test
    void aValueThatIsNoLimitIsNamedAndMakesNone() {
        PreferencesViewModel m = new PreferencesViewModel(ReadLimits.DEFAULTS);
        m.text(Limit.DEPTH).set("deep");
        assertEquals("Deepest JSON nesting: expected a whole number, found \"deep\"", m.problemProperty().get());
        assertNull(m.limits());
        m.text(Limit.DEPTH).set("0");
        assertEquals("Deepest JSON nesting: expected a number from 1 to 100000, found 0", m.problemProperty().get());
        m.text(Limit.DEPTH).set("128");
        m.text(Limit.LINE_BYTES).set("16 parsecs");
        assertEquals("Longest line (JSON Lines, CSV): expected a size such as 16M, 16MiB or 65536, found \"16 parsecs\"",
                m.problemProperty().get());
    }

    @Test
    void restoringTheDefaultsFillsEveryField() {
        PreferencesViewModel m = new PreferencesViewModel(ReadLimits.DEFAULTS.with(Limit.STEPS, 5));
        m.text(Limit.DEPTH).set("deep");
        m.restoreDefaults();
        assertEquals(ReadLimits.DEFAULTS, m.limits());
        assertEquals("", m.problemProperty().get());
    }
}
