package dev.goodput.app;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/** "Colour of Faulty GPU": a colour picker over the window, for a presenter matching their slides. */
final class CauseColourDialog {
    private CauseColourDialog() {
    }

    static CauseColourPrompt prompt(Supplier<Window> owner) {
        return (cause, current) -> ask(owner.get(), cause, current);
    }

    private static Optional<Integer> ask(Window owner, String cause, int current) {
        Dialog<Integer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Colour of " + cause);
        dialog.setHeaderText(null);
        ColorPicker picker = new ColorPicker(Color.rgb((current >> 16) & 0xFF, (current >> 8) & 0xFF,
                current & 0xFF));
        picker.setId("cause-colour-picker");
        Label label = new Label(cause);
        HBox content = new HBox(10, label, picker);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? argb(picker.getValue()) : null);
        return dialog.showAndWait();
    }

    /** The picked colour, opaque: causes are drawn over the theme's background, never through it. */
    static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
