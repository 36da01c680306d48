package dev.goodput.app;

import atlantafx.base.theme.Styles;
import dev.goodput.core.io.Limit;
import dev.goodput.core.io.ReadLimits;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Edit ▸ Preferences…: the read limits of the window's loads (the same as the command line's {@code --max-…}
 * options, whose names it shows so a message naming one leads here). Applied from the next load on.
 */
final class PreferencesDialog {
    private PreferencesDialog() {
    }

    static Optional<ReadLimits> ask(Window owner, ReadLimits initial) {
        return create(owner, new PreferencesViewModel(initial)).showAndWait();
    }

    /** The dialog over a model, not yet shown. */
    static Dialog<ReadLimits> create(Window owner, PreferencesViewModel model) {
        Dialog<ReadLimits> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Preferences");
        dialog.setHeaderText("Read limits: a file past one is refused with a message naming it.\n"
                + "Raise a limit to read a genuine file; it applies from the next load on.");

        GridPane grid = FormGrid.create(1);
        int row = 0;
        for (Limit l : Limit.values()) {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(model.text(l));
            field.setPrefColumnCount(9);
            field.setMinWidth(Region.USE_PREF_SIZE); // a limit shown whole: the dialog grows instead
            field.setId("limit-" + l.option().substring(2));
            Label hint = FormGrid.name(l.option() + ", default " + PreferencesViewModel.defaultText(l));
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(row++, FormGrid.name(PreferencesViewModel.label(l)), field, hint);
        }
        Label problem = new Label();
        problem.setId("limits-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        grid.add(problem, 0, row, 3, 1);

        dialog.setResizable(true);
        dialog.getDialogPane().setContent(grid);
        ButtonType defaults = new ButtonType("Restore Defaults", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().setAll(defaults, ButtonType.OK, ButtonType.CANCEL);
        // Restoring fills the fields; it does not close the dialog.
        Button restore = (Button) dialog.getDialogPane().lookupButton(defaults);
        restore.setId("limits-defaults");
        restore.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            model.restoreDefaults();
            e.consume();
        });
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("limits-ok");
        ok.disableProperty().bind(model.problemProperty().isNotEmpty());
        dialog.setResultConverter(b -> b == ButtonType.OK ? model.limits() : null);
        return dialog;
    }
}
