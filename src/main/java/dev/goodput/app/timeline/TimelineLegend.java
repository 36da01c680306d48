package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.StateCategories;
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

    public void show(StateCategories c) {
        getChildren().clear();
        if (c == null) {
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            int argb = c.colour(i);
            Rectangle swatch = new Rectangle(12, 12, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
            String layer = c.layer(i) == null ? "" : " (" + c.layer(i).id() + ")";
            Label l = new Label(c.label(i) + layer, swatch);
            getChildren().add(l);
        }
    }
}
