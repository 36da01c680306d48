package dev.goodput.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.util.function.Supplier;

/** The workbench's looks: AtlantaFX's Primer themes, whose colour variables the workbench's own stylesheet uses. */
public enum Theme {
    LIGHT("Light", () -> new PrimerLight().getUserAgentStylesheet()),
    DARK("Dark", () -> new PrimerDark().getUserAgentStylesheet());

    private final String label;
    private final Supplier<String> stylesheet;

    Theme(String label, Supplier<String> stylesheet) {
        this.label = label;
        this.stylesheet = stylesheet;
    }

    public String label() {
        return label;
    }

    /** For {@link javafx.application.Application#setUserAgentStylesheet(String)}. */
    public String userAgentStylesheet() {
        return stylesheet.get();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The theme of that name, or light for anything unknown (e.g. a value written by a later version). */
    static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return LIGHT;
    }
}
