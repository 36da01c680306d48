package dev.goodput.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The badput-by-cause table, in the report's order (by layer, then largest loss first). */
final class BadputTable {
    static final String NO_LOSS = "No time was lost.";

    private BadputTable() {
    }

    /** The badput of the run {@code summary} shows; with no run (a failed open) the table is blank, not "no loss". */
    static TableView<BadputRow> of(SummaryViewModel summary) {
        TableView<BadputRow> table = of(summary.badputProperty());
        Label placeholder = (Label) table.getPlaceholder();
        placeholder.textProperty().bind(Bindings.when(summary.derivationProperty().isNull()).then("")
                .otherwise(NO_LOSS));
        return table;
    }

    static TableView<BadputRow> of(ObservableList<BadputRow> rows) {
        TableView<BadputRow> table = new TableView<>(rows);
        table.setId("badput");
        // AtlantaFX's compact rows: the table shares its height with the timeline.
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().add(column("Layer", BadputRow::layer, 95, false));
        table.getColumns().add(column("Cause", BadputRow::cause, 260, false));
        table.getColumns().add(column("Lost time", BadputRow::lostTime, 100, true));
        table.getColumns().add(column("% of window", BadputRow::windowShare, 115, true));
        table.getColumns().add(column("Accelerator-hours", BadputRow::acceleratorHours, 150, true));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(NO_LOSS));
        return table;
    }

    private static TableColumn<BadputRow, String> column(String title, Function<BadputRow, String> text,
                                                         double width, boolean numeric) {
        TableColumn<BadputRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        // The cells hold formatted text, so sorting them would order "2.8 min" before "42.0 s"; keep the report's order.
        c.setSortable(false);
        if (numeric) {
            c.getStyleClass().add(WorkbenchStyles.NUMERIC);
        }
        return c;
    }
}
