package dev.goodput.app;

import dev.goodput.app.export.ExportActions;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.app.waterfall.WaterfallPanel;
import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.timeline.TimelineChart;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.chart.timeline.TimelineViewport;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;

/** The charts as the window shows them, for export: the waterfall with the user's options, the timeline's range. */
final class ShownCharts implements ExportActions.Source {
    private final TimelineView timeline;
    private final WaterfallPanel waterfall;

    ShownCharts(TimelineView timeline, WaterfallPanel waterfall) {
        this.timeline = timeline;
        this.waterfall = waterfall;
    }

    @Override
    public Derivation derivation() {
        return timeline.derivationProperty().get();
    }

    @Override
    public Chart chart(ReportChart which, Derivation d) {
        TimelineViewport shown = timeline.viewportProperty().get();
        // The timeline as far as it is zoomed, its faults linked as shown (the analyst's roles included); anything
        // else as every export draws it.
        if (which != ReportChart.TIMELINE || shown == null) {
            return which.of(d, waterfallOptions());
        }
        boolean drawn = d == timeline.derivationProperty().get() && timeline.lanes() != null;
        return new TimelineChart(drawn ? timeline.lanes() : TimelineLanes.of(d), shown);
    }

    @Override
    public ChartSize shownSize(ReportChart which) {
        return switch (which) {
            case WATERFALL -> new ChartSize((int) Math.max(100, waterfall.chartPane().chartWidth()),
                    (int) Math.max(60, waterfall.chartPane().chartHeight()));
            case TIMELINE -> new ChartSize((int) Math.max(100, timeline.getWidth()),
                    (int) Math.max(60, timeline.getHeight()));
        };
    }

    @Override
    public ChartStyle screenStyle() {
        return waterfall.chartPane().chartStyleProperty().get();
    }

    @Override
    public WaterfallOptions waterfallOptions() {
        return waterfall.options();
    }
}
