package dev.goodput.app.timeline;

import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.chart.timeline.StatePalette;
import dev.goodput.chart.timeline.TimelineChart;
import dev.goodput.core.model.Layer;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * The timeline's key, in the same colours and words as every chart and export: the states' colours, then every other
 * lane's marks ({@link dev.goodput.chart.timeline.LaneKey}). It wraps to the width it is given.
 */
public final class TimelineLegend extends FlowPane {
    public TimelineLegend() {
        setHgap(14);
        setVgap(4);
        getStyleClass().add("timeline-legend");
    }

    /**
     * The states' colours, the slow steps' on the step-time lane when {@code slowSteps}, and the other lanes'
     * {@code laneEntries}.
     */
    public void show(StateCategories c, boolean slowSteps, List<ChartLegend.Entry> laneEntries) {
        getChildren().clear();
        if (c == null) {
            return;
        }
        // Grouped by layer ("infra:" before its causes), so the layer reads once, not after every cause.
        Layer layer = null;
        for (int i = 0; i < c.size(); i++) {
            if (c.layer(i) != null && c.layer(i) != layer) {
                layer = c.layer(i);
                Label heading = new Label(layer.id() + ":");
                heading.getStyleClass().add("timeline-legend-layer");
                heading.setStyle("-fx-text-fill: -color-fg-muted;");
                getChildren().add(heading);
            }
            getChildren().add(entry(c.label(i), c.colour(i), ChartLegend.Swatch.FILLED));
        }
        for (ChartLegend.Entry e : laneEntries) {
            getChildren().add(entry(e.label(), e.colour().getRGB(), e.swatch()));
        }
        if (slowSteps) {
            getChildren().add(entry(TimelineChart.SLOW_STEPS_LEGEND, StatePalette.SLOW_STEPS,
                    ChartLegend.Swatch.FILLED));
        }
    }

    /** The key's entries' words, in order (for tests and accessibility). */
    List<String> labels() {
        return getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static Label entry(String text, int argb, ChartLegend.Swatch swatch) {
        Color colour = Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
        Rectangle mark = swatch == ChartLegend.Swatch.HOLLOW ? new Rectangle(10, 10, Color.TRANSPARENT)
                : new Rectangle(12, 12, colour);
        if (swatch == ChartLegend.Swatch.HOLLOW) {
            mark.setStroke(colour);
            mark.setStrokeWidth(2);
            mark.setStrokeType(javafx.scene.shape.StrokeType.INSIDE);
            mark.setWidth(12);
            mark.setHeight(12);
        }
        return new Label(text, mark);
    }
}
