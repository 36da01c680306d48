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
    }

    private static Label entry(String text, int argb) {
        return new Label(text, new Rectangle(12, 12, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)));
    }
}
