package dev.goodput.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeSettingTest {
    private final Preferences prefs = TestPreferences.fresh();

    @AfterEach
    void forget() {
        TestPreferences.remove(prefs);
    }

    @Test
    void lightUntilToggledAndRememberedAcrossStarts() {
        ThemeSetting setting = new ThemeSetting(prefs);
        assertEquals(Theme.LIGHT, setting.themeProperty().get());
        setting.toggle();
        assertEquals(Theme.DARK, setting.themeProperty().get());
        assertEquals(Theme.DARK, new ThemeSetting(prefs).themeProperty().get());
        setting.toggle();
        assertEquals(Theme.LIGHT, new ThemeSetting(prefs).themeProperty().get());
    }

    @Test
    void anUnknownStoredThemeIsLight() {
        prefs.put("theme", "SOLARIZED");
        assertEquals(Theme.LIGHT, new ThemeSetting(prefs).themeProperty().get());
    }
}
