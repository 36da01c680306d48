package dev.goodput.app;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Shows a {@link Chart} filling the pane: painted through the same Graphics2D code as the exports, at the
 * screen's pixel density, again whenever the chart, its style or the pane's size change.
 */
public final class ChartPane extends Region {
    private final ObjectProperty<Chart> chart = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartStyle> style = new SimpleObjectProperty<>(ChartStyle.screen());
    private final ImageView view = new ImageView();
    private double paintedWidth = -1;
    private double paintedHeight = -1;
    private Chart paintedChart;
    private ChartStyle paintedStyle;

    public ChartPane() {
        getChildren().add(view);
        view.setPreserveRatio(false);
        view.setSmooth(true);
        chart.addListener((obs, was, now) -> requestLayout());
        style.addListener((obs, was, now) -> requestLayout());
        setMinSize(200, 120);
    }

    public ObjectProperty<Chart> chartProperty() {
        return chart;
    }

    public ObjectProperty<ChartStyle> chartStyleProperty() {
        return style;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (chart.get() == null || w < 10 || h < 10) {
            view.setImage(null);
            paintedChart = null;
            return;
        }
        if (w == paintedWidth && h == paintedHeight && chart.get() == paintedChart && style.get() == paintedStyle) {
            return;
        }
        int scale = (int) Math.ceil(outputScale());
        view.setImage(ChartImages.render(chart.get(), style.get(), new ChartSize((int) w, (int) h), scale));
        view.setFitWidth(w);
        view.setFitHeight(h);
        paintedWidth = w;
        paintedHeight = h;
        paintedChart = chart.get();
        paintedStyle = style.get();
    }

    private double outputScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : Math.max(1, Math.min(3, window.getOutputScaleX()));
    }

    /** The size the chart is drawn at now (the pane's, in whole units), for hit-testing. */
    public double chartWidth() {
        return Math.floor(getWidth());
    }

    public double chartHeight() {
        return Math.floor(getHeight());
    }
}
