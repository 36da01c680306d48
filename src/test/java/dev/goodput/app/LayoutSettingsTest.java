package dev.goodput.app;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remembered layout: kept per user, and harmless when the preferences are removed under an open window. */
class LayoutSettingsTest {
    @Test
    void positionsAndPanelsAreRememberedAndReset() {
        Preferences prefs = TestPreferences.fresh();
        try {
            LayoutSettings layout = new LayoutSettings(prefs);
            layout.setPosition("main", 0.4);
            layout.setShown("breakdown", false);
            LayoutSettings again = new LayoutSettings(prefs);
            assertEquals(OptionalDouble.of(0.4), again.position("main"));
            assertEquals(Boolean.FALSE, again.shown("breakdown"));
            again.reset();
            assertTrue(new LayoutSettings(prefs).position("main").isEmpty());
        } finally {
            TestPreferences.remove(prefs);
        }
    }

    @Test
    void preferencesRemovedUnderAnOpenWindowGiveTheDefaults() {
        Preferences prefs = TestPreferences.fresh();
        LayoutSettings layout = new LayoutSettings(prefs);
        layout.setPosition("main", 0.4);
        TestPreferences.remove(prefs);

        assertTrue(layout.position("main").isEmpty());
        assertNull(layout.shown("breakdown"));
        layout.setPosition("main", 0.5);
        layout.setShown("breakdown", true);
        layout.reset();
    }
}
