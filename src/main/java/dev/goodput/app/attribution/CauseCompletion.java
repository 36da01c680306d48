package dev.goodput.app.attribution;

import dev.goodput.core.model.Cause;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.List;

/**
 * Suggests causes under a text field as the user types (ControlsFX is not a dependency; a context menu does it):
 * the causes whose id or label contain the text, by label, with their layer; picking one writes its label.
 */
final class CauseCompletion {
    static final String STYLE_CLASS = "cause-suggestion";
    private static final int MAX_SHOWN = 12;

    private CauseCompletion() {
    }

    static void install(TextField field, CauseChoices causes) {
        ContextMenu menu = new ContextMenu();
        menu.setAutoHide(true);
        field.textProperty().addListener((obs, was, now) -> {
            if (!field.isFocused()) { // set from code (a draft loaded), not typed
                menu.hide();
                return;
            }
            List<Cause> matching = causes.matching(now);
            // Once the text names a cause (picked or typed in full) there is nothing left to suggest.
            boolean exact = matching.stream().anyMatch(c -> c.label().equalsIgnoreCase(now.trim())
                    || c.id().equals(now.trim()));
            if (now.isBlank() || matching.isEmpty() || exact) {
                menu.hide();
                return;
            }
            menu.getItems().setAll(matching.stream().limit(MAX_SHOWN).map(c -> item(c, field)).toList());
            if (!menu.isShowing()) {
                menu.show(field, Side.BOTTOM, 0, 0);
            }
        });
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                menu.hide();
            }
        });
    }

    private static CustomMenuItem item(Cause c, TextField field) {
        Label text = new Label(c.label() + "  (" + c.layer().id() + ")");
        text.getStyleClass().add(STYLE_CLASS);
        CustomMenuItem item = new CustomMenuItem(text, true);
        item.setOnAction(e -> {
            field.setText(c.label());
            field.positionCaret(field.getText().length());
        });
        return item;
    }
}
