package dev.goodput.app;

import dev.goodput.core.io.ByteSize;
import dev.goodput.core.io.Limit;
import dev.goodput.core.io.ReadLimits;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Preferences dialog's state: the text of each read limit as typed (sizes as {@code 16 MiB}, counts as numbers),
 * what is wrong with it, and the limits it makes. Kept apart from the dialog so it is tested without a window.
 */
final class PreferencesViewModel {
    private final Map<Limit, StringProperty> texts = new EnumMap<>(Limit.class);
    private final StringBinding problem;

    PreferencesViewModel(ReadLimits initial) {
        for (Limit l : Limit.values()) {
            texts.put(l, new SimpleStringProperty(this, l.name(), shown(l, initial)));
        }
        problem = Bindings.createStringBinding(this::firstProblem, texts.values().toArray(StringProperty[]::new));
    }

    StringProperty text(Limit limit) {
        return texts.get(limit);
    }

    /** What is wrong with the first limit that is not one, naming it; empty when all are fine. */
    StringBinding problemProperty() {
        return problem;
    }

    /** What a limit is, for its label. */
    static String label(Limit limit) {
        return switch (limit) {
            case LINE_BYTES -> "Longest line (JSON Lines, CSV)";
            case DEPTH -> "Deepest JSON nesting";
            case STRING_BYTES -> "Longest JSON string";
            case DECOMPRESSED_BYTES -> "Most bytes a .gz file unpacks to";
            case STEPS -> "Most steps in a run";
        };
    }

    /** The default, as the dialog shows it beside each field. */
    static String defaultText(Limit limit) {
        return shown(limit, ReadLimits.DEFAULTS);
    }

    void restoreDefaults() {
        for (Limit l : Limit.values()) {
            texts.get(l).set(defaultText(l));
        }
    }

    /** The limits as typed; null while one of them is not a limit ({@link #problemProperty()} says which). */
    ReadLimits limits() {
        ReadLimits limits = ReadLimits.DEFAULTS;
        for (Limit l : Limit.values()) {
            try {
                limits = limits.with(l, parse(l, texts.get(l).get()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return limits;
    }

    private String firstProblem() {
        for (Limit l : Limit.values()) {
            try {
                parse(l, texts.get(l).get());
            } catch (IllegalArgumentException e) {
                return label(l) + ": " + e.getMessage();
            }
        }
        return "";
    }

    private static String shown(Limit l, ReadLimits limits) {
        return isSize(l) ? ByteSize.format(limits.value(l)) : String.valueOf(limits.value(l));
    }

    private static boolean isSize(Limit l) {
        return l == Limit.LINE_BYTES || l == Limit.STRING_BYTES || l == Limit.DECOMPRESSED_BYTES;
    }

    private static long parse(Limit l, String text) {
        if (isSize(l)) {
            return ByteSize.parse(text);
        }
        String digits = text == null ? "" : text.strip().replace(",", "").replace("_", "").toLowerCase(Locale.ROOT);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, found \"" + text + "\"");
        }
        long max = l == Limit.DEPTH ? 100_000 : Long.MAX_VALUE;
        if (n <= 0 || n > max) {
            throw new IllegalArgumentException("expected a number from 1 to " + max + ", found " + n);
        }
        return n;
    }
}
