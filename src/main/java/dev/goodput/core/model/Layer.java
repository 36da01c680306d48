package dev.goodput.core.model;

import java.util.Locale;

/** The three goodput layers a lost interval can belong to. */
public enum Layer {
    INFRA, FRAMEWORK, MODEL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code infra|framework|model}, case-insensitively; null when the text names no layer. */
    public static Layer parse(String text) {
        if (text == null) {
            return null;
        }
        for (Layer layer : values()) {
            if (layer.id().equalsIgnoreCase(text.trim())) {
                return layer;
            }
        }
        return null;
    }
}
