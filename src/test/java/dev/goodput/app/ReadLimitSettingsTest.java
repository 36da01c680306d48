package dev.goodput.app;

import dev.goodput.core.io.Limit;
import dev.goodput.core.io.ReadLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReadLimitSettingsTest {
    private final Preferences prefs = TestPreferences.fresh();

    @AfterEach
    void forget() {
        TestPreferences.remove(prefs);
    }

    @Test
    void theDefaultsUntilSavedAndRememberedAcrossStarts() {
        assertEquals(ReadLimits.DEFAULTS, new ReadLimitSettings(prefs).limits());
        ReadLimits raised = ReadLimits.DEFAULTS.with(Limit.LINE_BYTES, 64L << 20).with(Limit.STEPS, 50_000_000);
        new ReadLimitSettings(prefs).save(raised);
        assertEquals(raised, new ReadLimitSettings(prefs).limits());
        assertEquals(64L << 20, prefs.node("limits").getLong("max-line-bytes", 0));
    }

    @Test
    void aLimitBackAtItsDefaultIsForgotten() {
        ReadLimitSettings settings = new ReadLimitSettings(prefs);
        settings.save(ReadLimits.DEFAULTS.with(Limit.DEPTH, 200));
        settings.save(ReadLimits.DEFAULTS);
        assertNull(prefs.node("limits").get("max-depth", null));
    }

    @Test
    void aStoredValueThatIsNoLimitIsTheDefault() {
        prefs.node("limits").put("max-steps", "lots");
        prefs.node("limits").putLong("max-depth", -3);
        assertEquals(ReadLimits.DEFAULTS, new ReadLimitSettings(prefs).limits());
    }
}
