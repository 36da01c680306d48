package dev.goodput.app;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The badput-by-cause table, in the report's order (by layer, then largest loss first). */
final class BadputTable {
    static final String NO_LOSS = "No time was lost.";
    /** Room for a cell's or a header's padding and the header's edge, besides the text. */
    private static final double CELL_PADDING = 26;
    private static final double CAUSE_MIN_WIDTH = 140;

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
        TableColumn<BadputRow, String> cause = column("Cause", BadputRow::cause, 260, false);
        cause.setMinWidth(CAUSE_MIN_WIDTH);
        table.getColumns().add(cause);
        table.getColumns().add(column("Lost time", BadputRow::lostTime, 100, true));
        table.getColumns().add(column("% of window", BadputRow::windowShare, 115, true));
        table.getColumns().add(column("Accelerator-hours", BadputRow::acceleratorHours, 150, true));
        // The other columns are as wide as their texts; the cause, the one that may be long, takes the rest.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(NO_LOSS));
        fitColumns(table, cause);
        return table;
    }

    /**
     * Sizes every column but {@code flexible} to the widest of its header and its cells, measured in the fonts the
     * theme gives them, so no header or number is cut. Again when the rows change or the theme's fonts arrive.
     */
    private static void fitColumns(TableView<BadputRow> table, TableColumn<BadputRow, String> flexible) {
        Runnable fit = () -> {
            Font headerFont = fontOf(table, ".column-header .label",
                    Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
            Font cellFont = fontOf(table, ".table-cell", Font.getDefault());
            for (TableColumn<BadputRow, ?> c : table.getColumns()) {
                if (c == flexible) {
                    continue;
                }
                double width = textWidth(c.getText(), headerFont);
                for (BadputRow row : table.getItems()) {
                    width = Math.max(width, textWidth(String.valueOf(c.getCellObservableValue(row).getValue()),
                            cellFont));
                }
                double fitted = Math.ceil(width) + CELL_PADDING;
                c.setMinWidth(fitted);
                c.setPrefWidth(fitted);
                c.setMaxWidth(fitted);
            }
        };
        table.getItems().addListener((ListChangeListener<BadputRow>) change -> fit.run());
        // The theme's fonts are known once the table is styled, after its skin is made.
        table.skinProperty().addListener((obs, was, skin) -> Platform.runLater(fit));
        fit.run();
    }

    private static Font fontOf(TableView<?> table, String selector, Font fallback) {
        Node n = table.lookup(selector);
        return n instanceof Labeled ? ((Labeled) n).getFont() : fallback;
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
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
