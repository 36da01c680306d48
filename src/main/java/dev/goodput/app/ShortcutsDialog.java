package dev.goodput.app;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard Shortcuts: the {@link KeyboardShortcuts} table, by group. Not modal, so it can stay open beside the
 * window while the keys are tried.
 */
final class ShortcutsDialog {
    static final String TITLE = "Keyboard Shortcuts";

    private ShortcutsDialog() {
    }

    static Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(TITLE);
        dialog.getDialogPane().setId("shortcuts-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(table());
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    private static ScrollPane table() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        String group = null;
        for (KeyboardShortcuts.Shortcut s : KeyboardShortcuts.ALL) {
            if (!s.group().equals(group)) {
                group = s.group();
                Label title = new Label(group);
                title.getStyleClass().add(WorkbenchStyles.SECTION_TITLE);
                if (row > 0) {
                    title.setStyle("-fx-padding: 10 0 0 0;");
                }
                grid.add(title, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add(WorkbenchStyles.SHORTCUT_KEYS);
            keys.setId("shortcut-" + s.id());
            grid.add(keys, 0, row);
            grid.add(new Label(s.action()), 1, row++);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, grid.prefHeight(-1)));
        scroll.setPrefViewportWidth(560);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
