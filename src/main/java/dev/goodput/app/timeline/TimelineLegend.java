package dev.goodput.app.timeline;

import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.chart.timeline.StatePalette;
import dev.goodput.chart.timeline.TimelineChart;
import dev.goodput.core.model.Layer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's key, in the same colours and words as every chart and export: the states' colours first (what the
 * state lane needs), then every other lane's marks ({@link dev.goodput.chart.timeline.LaneKey}). It wraps to the width
 * it is given; when that would take more rows than its height budget, it shows the rows that fit, the last ending with
 * "+N more", which expands it in full ("less" folds it again).
 */
public final class TimelineLegend extends Region {
    static final double HGAP = 14;
    static final double VGAP = 4;

    private final List<Label> entries = new ArrayList<>();
    /** Per entry: whether it is a layer's heading ("infra:"), which never ends the rows shown. */
    private final List<Boolean> headings = new ArrayList<>();
    private final Hyperlink toggle = new Hyperlink();
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", false);
    private final Rectangle clip = new Rectangle();
    private double heightBudget = Double.POSITIVE_INFINITY;
    private double room = Double.POSITIVE_INFINITY;

    public TimelineLegend() {
        getStyleClass().add("timeline-legend");
        toggle.getStyleClass().add("timeline-legend-toggle");
        toggle.setPadding(Insets.EMPTY);
        toggle.setFocusTraversable(false);
        toggle.setOnAction(e -> expanded.set(!expanded.get()));
        expanded.addListener(o -> relayout());
        // Nothing drawn past the key's box, whatever a label's text does.
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /**
     * The states' colours, the slow steps' on the step-time lane when {@code slowSteps}, and the other lanes'
     * {@code laneEntries}.
     */
    public void show(StateCategories c, boolean slowSteps, List<ChartLegend.Entry> laneEntries) {
        entries.clear();
        headings.clear();
        if (c != null) {
            // Grouped by layer ("infra:" before its causes), so the layer reads once, not after every cause.
            Layer layer = null;
            for (int i = 0; i < c.size(); i++) {
                if (c.layer(i) != null && c.layer(i) != layer) {
                    layer = c.layer(i);
                    Label heading = new Label(layer.id() + ":");
                    heading.getStyleClass().add("timeline-legend-layer");
                    heading.setStyle("-fx-text-fill: -color-fg-muted;");
                    add(heading, true);
                }
                add(entry(c.label(i), c.colour(i), ChartLegend.Swatch.FILLED), false);
            }
            if (slowSteps) {
                add(entry(TimelineChart.SLOW_STEPS_LEGEND, StatePalette.SLOW_STEPS, ChartLegend.Swatch.FILLED), false);
            }
            for (ChartLegend.Entry e : laneEntries) {
                add(entry(e.label(), e.colour().getRGB(), e.swatch()), false);
            }
        }
        List<Node> children = new ArrayList<>(entries);
        children.add(toggle);
        getChildren().setAll(children);
        relayout();
    }

    private void add(Label label, boolean heading) {
        entries.add(label);
        headings.add(heading);
    }

    /**
     * The height the key may take folded ({@code budget}, a share of the panel's: its rows past that wait behind "+N
     * more"), and expanded ({@code room}, all the lanes at their minimum leave: "less" always stays in it).
     */
    void heightBudget(double budget, double room) {
        if (budget != heightBudget || room != this.room) {
            heightBudget = budget;
            this.room = room;
            relayout();
        }
    }

    /** Whether the key shows in full (a per-panel state: "+N more" sets it, "less" clears it). */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    /** The key's entries' words, in order, shown or folded (for tests and accessibility). */
    List<String> labels() {
        return entries.stream().map(Label::getText).toList();
    }

    private void relayout() {
        requestLayout();
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Label l : entries) {
            w += l.prefWidth(-1) + HGAP;
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + toggleWidth("+999 more") + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + rowsHeight(rows(contentWidth(width)).rows()) + snappedBottomInset();
    }

    /** The key never gives up its rows: folded they fit the budget, expanded the room the lanes leave. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        KeyRows rows = rows(contentWidth(getWidth()));
        double rowHeight = rowHeight();
        for (int i = 0; i < entries.size(); i++) {
            Label l = entries.get(i);
            boolean shown = i < rows.shown();
            l.setVisible(shown);
            if (shown) {
                l.resizeRelocate(snappedLeftInset() + rows.x()[i], snappedTopInset() + rows.row()[i] * (rowHeight + VGAP),
                        l.prefWidth(-1), rowHeight);
            }
        }
        toggle.setVisible(rows.toggleX() >= 0);
        if (rows.toggleX() >= 0) {
            toggle.setText(toggleText(rows.shown()));
            toggle.resizeRelocate(snappedLeftInset() + rows.toggleX(),
                    snappedTopInset() + rows.toggleRow() * (rowHeight + VGAP), toggle.prefWidth(-1), rowHeight);
        }
    }

    private KeyRows rows(double width) {
        double[] widths = entries.stream().mapToDouble(l -> l.prefWidth(-1)).toArray();
        int maxRows = rowsIn(heightBudget);
        double more = toggleWidth("+" + entries.size() + " more");
        KeyRows folded = KeyRows.fitted(widths, width, HGAP, maxRows, more);
        if (folded.toggleX() < 0) {
            return folded; // it all fits: nothing to expand
        }
        if (expanded.get()) {
            // Every entry, unless the window is too short even with the lanes at their minimum: then what fits, and
            // "less" stays in reach.
            return KeyRows.withToggle(widths, width, HGAP, rowsIn(room), toggleWidth("less"));
        }
        // A layer's heading never ends the rows shown: it goes behind the toggle with its causes.
        int n = folded.shown();
        while (n > 0 && headings.get(n - 1)) {
            n--;
        }
        return n == folded.shown() ? folded : KeyRows.first(widths, n, width, HGAP, more);
    }

    /** Rows that fit in {@code px} (at least one). */
    private int rowsIn(double px) {
        return (int) Math.max(1, Math.floor((px - snappedTopInset() - snappedBottomInset() + VGAP)
                / (rowHeight() + VGAP)));
    }

    private String toggleText(int shown) {
        if (expanded.get()) {
            return "less";
        }
        long hidden = 0;
        for (int i = shown; i < entries.size(); i++) {
            hidden += headings.get(i) ? 0 : 1;
        }
        return "+" + hidden + " more";
    }

    /** The toggle's width with {@code text}, measured without touching the toggle (layout may ask off the FX thread). */
    private double toggleWidth(String text) {
        Text measure = new Text(text);
        measure.setFont(toggle.getFont());
        return Math.ceil(measure.getLayoutBounds().getWidth()) + toggle.snappedLeftInset() + toggle.snappedRightInset()
                + 2;
    }

    private double rowHeight() {
        double h = toggle.prefHeight(-1);
        for (Label l : entries) {
            h = Math.max(h, l.prefHeight(-1));
        }
        return Math.ceil(h);
    }

    private double rowsHeight(int rows) {
        return rows == 0 ? 0 : rows * rowHeight() + (rows - 1) * VGAP;
    }

    private double contentWidth(double width) {
        return Math.max(1, (width < 0 ? computePrefWidth(-1) : width) - snappedLeftInset() - snappedRightInset());
    }

    private static Label entry(String text, int argb, ChartLegend.Swatch swatch) {
        Color colour = Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
        Rectangle mark = new Rectangle(12, 12, swatch == ChartLegend.Swatch.HOLLOW ? Color.TRANSPARENT : colour);
        if (swatch == ChartLegend.Swatch.HOLLOW) {
            mark.setStroke(colour);
            mark.setStrokeWidth(2);
            mark.setStrokeType(StrokeType.INSIDE);
        }
        return new Label(text, mark);
    }
}
