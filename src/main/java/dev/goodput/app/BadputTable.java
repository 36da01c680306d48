package dev.goodput.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** The badput-by-cause table, in the report's order (by layer, then largest loss first). */
final class BadputTable {
    static final String NO_LOSS = "No time was lost.";
    /** A long cause name is cut there (whole in the waterfall's callouts and the report) rather than widen the table. */
    private static final double CAUSE_MAX_WIDTH = 320;

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
        TableColumn<BadputRow, String> layer = column("Layer", BadputRow::layer, false);
        TableColumn<BadputRow, String> cause = column("Cause", BadputRow::cause, false);
        TableColumn<BadputRow, String> lost = column("Lost time", BadputRow::lostTime, true);
        TableColumn<BadputRow, String> share = column("% of window", BadputRow::windowShare, true);
        TableColumn<BadputRow, String> hours = column("Accelerator-hours", BadputRow::acceleratorHours, true);
        table.getColumns().addAll(List.of(layer, cause, lost, share, hours));
        table.setPlaceholder(new Label(NO_LOSS));
        // Every column as wide as its header and its texts, in the theme's fonts, so no header or number is cut;
        // the cause, the one that may be long, takes the spare width.
        ColumnFit<BadputRow> fit = new ColumnFit<>(table);
        fit.add(layer, BadputRow::layer, Double.MAX_VALUE, false);
        fit.add(cause, BadputRow::cause, CAUSE_MAX_WIDTH, true);
        fit.add(lost, BadputRow::lostTime, Double.MAX_VALUE, false);
        fit.add(share, BadputRow::windowShare, Double.MAX_VALUE, false);
        fit.add(hours, BadputRow::acceleratorHours, Double.MAX_VALUE, false);
        table.getItems().addListener((ListChangeListener<BadputRow>) change -> fit.fit());
        fit.fit();
        return table;
    }

    private static TableColumn<BadputRow, String> column(String title, Function<BadputRow, String> text,
                                                         boolean numeric) {
        TableColumn<BadputRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        // The cells hold formatted text, so sorting them would order "2.8 min" before "42.0 s"; keep the report's order.
        c.setSortable(false);
        if (numeric) {
            c.getStyleClass().add(WorkbenchStyles.NUMERIC);
        }
        return c;
    }
}
