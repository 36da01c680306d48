package dev.goodput.app;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The grid of a dialog's form: names in the first column, fields in the second, any more columns after. */
public final class FormGrid {
    private FormGrid() {
    }

    /**
     * The names keep their whole width; the fields take what is left and grow with the dialog; {@code extra} columns
     * (hints) keep their whole width too.
     */
    public static GridPane create(int extra) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints names = whole();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(names, fields);
        for (int i = 0; i < extra; i++) {
            grid.getColumnConstraints().add(whole());
        }
        return grid;
    }

    /** A label never cut shorter than its text. */
    public static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static ColumnConstraints whole() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }
}
