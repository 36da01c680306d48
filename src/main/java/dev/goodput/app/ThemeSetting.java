package dev.goodput.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.prefs.Preferences;

/** The theme the user chose, remembered across starts in the same preferences node as the recent files. */
final class ThemeSetting {
    private static final String KEY = "theme";

    private final ObjectProperty<Theme> theme;

    ThemeSetting(Preferences store) {
        theme = new SimpleObjectProperty<>(this, "theme", Theme.parse(store.get(KEY, Theme.LIGHT.name())));
        theme.addListener((obs, was, now) -> store.put(KEY, (now == null ? Theme.LIGHT : now).name()));
    }

    ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    void toggle() {
        theme.set(theme.get().other());
    }
}
