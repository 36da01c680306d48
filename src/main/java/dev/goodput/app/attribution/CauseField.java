package dev.goodput.app.attribution;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a cause is typed: an editable combo box listing the {@link CauseChoices} that completes what is typed in
 * place (typing "chec" shows "chec|kpoint restore" with the rest selected, so the next key either goes on or
 * replaces it). Completion works on labels and ids; any other text is allowed and becomes a new cause. In place
 * rather than in a popup, so typing and Enter always reach the field.
 */
public final class CauseField extends ComboBox<String> {
    private CauseChoices choices;
    private boolean settingText;

    public CauseField(CauseChoices choices) {
        setEditable(true);
        setChoices(choices);
        getEditor().setTextFormatter(new TextFormatter<String>(this::complete));
        // Enter, a pick or leaving the field commits the text through this: a known cause then reads as the list
        // names it ("node failure" becomes "Node failure"), so every form shows one spelling of a cause.
        setConverter(new StringConverter<>() {
            @Override
            public String toString(String text) {
                return text == null ? "" : text;
            }

            @Override
            public String fromString(String text) {
                return choices().known(text).map(Cause::label).orElse(text); // the current choices, not the first
            }
        });
        setVisibleRowCount(14);
    }

    public void setChoices(CauseChoices choices) {
        this.choices = Objects.requireNonNull(choices);
        getItems().setAll(FXCollections.observableArrayList(choices.labels()));
    }

    public CauseChoices choices() {
        return choices;
    }

    /** What is typed so far. */
    public String getText() {
        return getEditor().getText();
    }

    /** Replaces the text, without completing it. */
    public void setText(String text) {
        settingText = true;
        try {
            getEditor().setText(text == null ? "" : text);
        } finally {
            settingText = false;
        }
    }

    /** The known cause the text names (an id or a label), if it names one. */
    public Optional<Cause> known() {
        return choices.known(getText());
    }

    /** The text as a cause: a known one, else a new one in {@code layerForNew}; empty for a blank text. */
    public Optional<Cause> cause(Layer layerForNew) {
        return choices.parse(getText(), layerForNew);
    }

    /** Completes a key typed at the end of the text; pastes, deletions and edits in the middle are left alone. */
    private TextFormatter.Change complete(TextFormatter.Change c) {
        if (settingText || !c.isAdded() || c.getText().length() != 1
                || c.getRangeEnd() != c.getControlText().length()) {
            return c;
        }
        String typed = c.getControlNewText();
        String completion = completionOf(typed);
        if (completion != null) {
            int typedEnd = typed.length();
            c.setText(c.getText() + completion.substring(typedEnd));
            c.selectRange(typedEnd, completion.length());
        }
        return c;
    }

    /** The first label, else id, that starts with {@code typed} and is longer; null when none. */
    private String completionOf(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        for (Cause cause : choices.all()) {
            if (cause.label().length() > t.length() && cause.label().toLowerCase(Locale.ROOT).startsWith(t)) {
                return typed + cause.label().substring(t.length());
            }
        }
        for (Cause cause : choices.all()) {
            if (cause.id().length() > t.length() && cause.id().startsWith(t)) {
                return typed + cause.id().substring(t.length());
            }
        }
        return null;
    }
}
