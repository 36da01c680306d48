package dev.goodput.app.attribution;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Sizes a table's columns to their content: each as wide as its header and the widest of its first rows (up to a
 * cap for the long texts), measured in the fonts the theme gives them; when the table is wider than that, the
 * growing columns (the cause and the message) share the rest.
 */
final class ColumnFit<S> {
    /** Rows measured: enough to see the usual widths, few enough to stay instant on a 50 000-row table. */
    static final int SAMPLE_ROWS = 200;
    /** Room beyond the header's text for the sort arrow and the header's borders. */
    private static final double HEADER_EXTRA = 22;
    /** Room beyond a cell's text: its padding when the theme's is not known yet, and rounding. */
    private static final double CELL_EXTRA = 8;

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, Spec<S>> specs = new LinkedHashMap<>();
    private final Map<TableColumn<S, ?>, Double> fitted = new LinkedHashMap<>();

    private record Spec<S>(Function<S, String> text, DoubleSupplier max, boolean grows) {
    }

    ColumnFit(TableView<S> table) {
        this.table = table;
        table.widthProperty().addListener((o, was, now) -> spread());
    }

    /** A column sized to its header and texts, at most {@code max} wide; {@code grows}: it takes spare width. */
    void add(TableColumn<S, ?> column, Function<S, String> text, double max, boolean grows) {
        add(column, text, () -> max, grows);
    }

    /** As above, with a cap that may change (then {@link #fit()} again). */
    void add(TableColumn<S, ?> column, Function<S, String> text, DoubleSupplier max, boolean grows) {
        specs.put(column, new Spec<>(text, max, grows));
    }

    /** Measures again (after the rows or their texts changed) and sizes the columns. */
    void fit() {
        // The fonts are the theme's only once the cells are styled and laid out: until then, wait for a layout.
        if (!table.getItems().isEmpty() && table.lookup(".table-row-cell .table-cell") == null) {
            fitAfterLayout();
            return;
        }
        Font headerFont = headerFont();
        Font cellFont = cellFont();
        double cellExtra = cellExtra();
        List<S> sample = table.getItems().subList(0, Math.min(SAMPLE_ROWS, table.getItems().size()));
        fitted.clear();
        for (Map.Entry<TableColumn<S, ?>, Spec<S>> e : specs.entrySet()) {
            double header = width(e.getKey().getText(), headerFont) + HEADER_EXTRA;
            double widest = 0;
            for (S row : sample) {
                widest = Math.max(widest, width(e.getValue().text().apply(row), cellFont));
            }
            double w = Math.max(header, Math.min(e.getValue().max().getAsDouble(), widest + cellExtra));
            fitted.put(e.getKey(), Math.ceil(w));
        }
        spread();
    }

    private boolean waiting;

    private void fitAfterLayout() {
        if (waiting) {
            return;
        }
        waiting = true;
        ChangeListener<Boolean> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean needs) {
                if (!needs) {
                    table.needsLayoutProperty().removeListener(this);
                    waiting = false;
                    Platform.runLater(ColumnFit.this::fit);
                }
            }
        };
        table.needsLayoutProperty().addListener(once);
        table.requestLayout();
    }

    /** Sets the widths: the fitted ones, and the spare width of a wider table shared by the growing columns. */
    private void spread() {
        if (fitted.isEmpty()) {
            return;
        }
        double used = 0;
        int growing = 0;
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c.isVisible()) {
                used += fitted.containsKey(c) ? fitted.get(c) : c.getWidth();
                growing += fitted.containsKey(c) && specs.get(c).grows() ? 1 : 0;
            }
        }
        // Less a scroll bar's width, so the spare width never brings a horizontal scroll bar.
        double spare = Math.max(0, table.getWidth() - used - 20);
        for (Map.Entry<TableColumn<S, ?>, Double> e : fitted.entrySet()) {
            boolean grows = specs.get(e.getKey()).grows() && growing > 0;
            e.getKey().setPrefWidth(e.getValue() + (grows ? Math.floor(spare / growing) : 0));
        }
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private Font headerFont() {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader) {
                Node label = n.lookup(".label");
                if (label instanceof Label) {
                    return ((Label) label).getFont();
                }
            }
        }
        return Font.getDefault();
    }

    private Font cellFont() {
        Node cell = table.lookup(".table-cell");
        return cell instanceof javafx.scene.control.Labeled ? ((javafx.scene.control.Labeled) cell).getFont()
                : Font.getDefault();
    }

    private double cellExtra() {
        Node cell = table.lookup(".table-cell");
        if (cell instanceof Region) {
            Insets in = ((Region) cell).getInsets();
            return in.getLeft() + in.getRight() + CELL_EXTRA;
        }
        return 2 * CELL_EXTRA;
    }
}
