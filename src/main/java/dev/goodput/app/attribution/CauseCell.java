package dev.goodput.app.attribution;

import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Supplier;

/**
 * A cause cell that edits in a {@link CauseField}, starting from the row's cause, selected: typing lists the matching
 * causes under the cell, Enter commits the pick or the text (a new cause is allowed), Escape closes the list, then
 * cancels. Fault rows keep their reported cause.
 */
final class CauseCell extends TableCell<AttributionRow, String> {
    private final Supplier<CauseChoices> choices;
    private CauseField field;

    CauseCell(Supplier<CauseChoices> choices) {
        this.choices = choices;
    }

    @Override
    public void startEdit() {
        AttributionRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null || row.isFault()) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        field = new CauseField(choices.get());
        field.setId("attribution-cause-editor");
        field.setMaxWidth(Double.MAX_VALUE);
        field.setActOnPick(true);
        // The current cause, all selected: typing replaces it (and lists the matches under the cell), Enter keeps it.
        field.setText(getItem());
        field.setOnAction(e -> {
            e.consume(); // the edit's Enter, not the table's
            if (!isEditing()) {
                return;
            }
            if (field.getText().strip().equals(getItem())) {
                cancelEdit(); // unchanged: no edit to undo
            } else {
                commitEdit(field.getText());
            }
        });
        // Escape with the list shown closes the list (the field consumes it); with no list it cancels the edit.
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancelEdit();
            }
        });
        setText(null);
        setGraphic(field);
        // After the click that started the edit is handled (the table takes the focus on it).
        CauseField editing = field;
        Platform.runLater(() -> {
            editing.requestFocus();
            editing.selectAll();
        });
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        show(getItem());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (isEditing() && field != null) {
            setText(null);
            setGraphic(field);
        } else {
            show(item);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!isEditing()) {
            CutTooltip.follow(this);
        }
    }

    private void show(String item) {
        field = null;
        setText(item);
        setGraphic(null);
    }
}
