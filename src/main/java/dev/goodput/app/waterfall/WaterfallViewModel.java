package dev.goodput.app.waterfall;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.waterfall.WaterfallChart;
import dev.goodput.chart.waterfall.WaterfallHover;
import dev.goodput.chart.waterfall.WaterfallLayout;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The waterfall panel's state, apart from its controls: the user's options, the model of the derivation shown,
 * the chart to draw (with the highlighted cause, shared with the timeline), and what the pointer is over.
 * Testable without a robot.
 */
public final class WaterfallViewModel {
    private final ObjectProperty<WaterfallOptions> options = new SimpleObjectProperty<>(WaterfallOptions.defaults());
    private final ObjectProperty<CauseKey> highlight;
    private final ReadOnlyObjectWrapper<WaterfallModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WaterfallChart> chart = new ReadOnlyObjectWrapper<>();
    private WaterfallLayout laidOut;
    private WaterfallChart laidOutChart;
    private ChartStyle laidOutStyle;
    private double laidOutWidth;
    private double laidOutHeight;

    public WaterfallViewModel(ObservableValue<Derivation> derivation,
                              ObjectProperty<CauseKey> highlight) {
        this.highlight = highlight;
        Runnable remodel = () -> {
            Derivation d = derivation.getValue();
            model.set(d == null ? null : WaterfallModel.of(d.report(), options.get().otherThreshold()));
        };
        Runnable redraw = () -> chart.set(model.get() == null ? null
                : new WaterfallChart(model.get(), options.get(), highlight.get()));
        // Also for a derivation equal to the last: re-published so, it asks for the causes' colours again.
        derivation.addListener(obs -> remodel.run());
        options.addListener((obs, was, now) -> {
            if (was == null || was.otherThreshold() != now.otherThreshold()) {
                remodel.run();
            } else {
                redraw.run();
            }
        });
        model.addListener((obs, was, now) -> redraw.run());
        highlight.addListener((obs, was, now) -> redraw.run());
        remodel.run();
    }

    public ObjectProperty<WaterfallOptions> optionsProperty() {
        return options;
    }

    public ReadOnlyObjectProperty<WaterfallModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The chart to paint: null when no run is shown. */
    public ReadOnlyObjectProperty<WaterfallChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ObjectProperty<CauseKey> highlightProperty() {
        return highlight;
    }

    /** The tooltip for the point (x, y) of a chart drawn at width × height in {@code style}; null over nothing. */
    public String hoverText(ChartStyle style, double width, double height, double x, double y) {
        if (chart.get() == null) {
            return null;
        }
        WaterfallLayout l = layout(style, width, height);
        WaterfallLayout.PlacedSegment s = l.segmentAt(x, y);
        if (s != null) {
            return WaterfallHover.describe(model.get(), s.segment(), options.get());
        }
        WaterfallLayout.PlacedTotal t = l.totalAt(x, y);
        if (t != null) {
            return WaterfallHover.describe(model.get(), t.total(), options.get());
        }
        // A bar's name, cut or not: the whole name and what the bar stands for.
        WaterfallLayout.PlacedName n = l.nameAt(x, y);
        if (n != null && n.bar() instanceof WaterfallModel.Total total) {
            return WaterfallHover.describe(model.get(), total, options.get());
        }
        return n != null && n.bar() instanceof WaterfallModel.Step step
                ? WaterfallHover.describe(model.get(), step, options.get()) : null;
    }

    /** The cause whose bar part or callout is at the point, or null (also over a layer's group of small causes). */
    public CauseKey causeAt(ChartStyle style, double width, double height, double x, double y) {
        if (chart.get() == null) {
            return null;
        }
        WaterfallLayout.PlacedSegment s = layout(style, width, height).segmentAt(x, y);
        return s == null || s.segment().isOther() || s.segment().cause().equals(WaterfallModel.OTHER) ? null : new CauseKey(s.segment().layer(), s.segment().cause());
    }

    /** A click: highlights the cause under the point (its intervals light up on the timeline); again, or elsewhere, clears. */
    public void click(ChartStyle style, double width, double height, double x, double y) {
        if (chart.get() == null) {
            return;
        }
        WaterfallLayout.PlacedSegment s = layout(style, width, height).segmentAt(x, y);
        CauseKey picked = s == null ? null
                : new CauseKey(s.segment().layer(), s.segment().cause());
        highlight.set(picked == null || picked.equals(highlight.get()) ? null : picked);
    }

    /** The layout of the chart shown, kept while the chart, style and size stay (the pointer asks at every move). */
    private WaterfallLayout layout(ChartStyle style, double width, double height) {
        WaterfallChart c = chart.get();
        if (laidOut == null || laidOutChart != c || !style.equals(laidOutStyle) || width != laidOutWidth
                || height != laidOutHeight) {
            laidOut = c.layout(style, width, height);
            laidOutChart = c;
            laidOutStyle = style;
            laidOutWidth = width;
            laidOutHeight = height;
        }
        return laidOut;
    }
}
