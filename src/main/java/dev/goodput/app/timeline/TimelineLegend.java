package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.chart.timeline.StatePalette;
import dev.goodput.chart.timeline.TimelineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The colour key of the timeline's states, in the same colours as every chart and export. */
public final class TimelineLegend extends FlowPane {
    public TimelineLegend() {
        setHgap(14);
        setVgap(4);
        getStyleClass().add("timeline-legend");
    }

    /** The states' colours, and the slow steps' on the step-time lane when {@code slowSteps}. */
    public void show(StateCategories c, boolean slowSteps) {
        show(c, slowSteps, false);
    }

    /**
     * As {@link #show(StateCategories, boolean)}, and when {@code faults} how the fault lane draws them: in their
     * causes' colours, roots filled, every other fault hollow, a line from a root to its cascades.
     */
    public void show(StateCategories c, boolean slowSteps, boolean faults) {
        getChildren().clear();
        if (c == null) {
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            String layer = c.layer(i) == null ? "" : " (" + c.layer(i).id() + ")";
            getChildren().add(entry(c.label(i) + layer, c.colour(i)));
        }
        if (slowSteps) {
            getChildren().add(entry(TimelineChart.SLOW_STEPS_LEGEND, StatePalette.SLOW_STEPS));
        }
        if (faults) {
            getChildren().addAll(faultEntry(ROOT_FAULT, true), faultEntry(OTHER_FAULT, false));
        }
    }

    /** The key's words for the fault lane's marks. */
    static final String ROOT_FAULT = "Root fault (filled: gets the downtime)";
    static final String OTHER_FAULT = "Cascade (line to its root), teardown or survived: hollow, costs nothing";

    /** A fault mark as the lane draws it, in the text's colour (the marks themselves take their causes'). */
    private static Label faultEntry(String text, boolean root) {
        Rectangle mark = new Rectangle(5, 12);
        mark.setStyle(root ? "-fx-fill: -color-fg-muted;"
                : "-fx-fill: transparent; -fx-stroke: -color-fg-muted; -fx-stroke-type: inside;");
        Label l = new Label(text, mark);
        l.getStyleClass().add("fault-key");
        return l;
    }

    private static Label entry(String text, int argb) {
        return new Label(text, new Rectangle(12, 12, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)));
    }
}
