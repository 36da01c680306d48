package dev.goodput.app.attribution;

import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Supplier;

/**
 * A cause cell that edits in a {@link CauseField}: typing completes from the cause choices, Enter or picking from
 * the list commits the text (a new cause is allowed), Escape cancels. Fault rows keep their reported cause.
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
        // Empty, with the current cause as the prompt: what is typed is the new cause, wherever the click that
        // started the edit put the caret. Enter on an empty field changes nothing.
        field.setText("");
        field.getEditor().setPromptText(getItem());
        field.setOnAction(e -> {
            if (isEditing()) {
                commitEdit(field.getText());
            }
        });
        // A filter: the combo box would take Escape for itself (it reverts its editor) and the edit would go on.
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancelEdit();
            }
        });
        setText(null);
        setGraphic(field);
        // After the click that started the edit is handled (the table takes the focus on it). An editable combo
        // box keeps the focus itself and passes keys to its editor.
        CauseField editing = field;
        Platform.runLater(editing::requestFocus);
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

    private void show(String item) {
        field = null;
        setText(item);
        setGraphic(null);
    }
}
