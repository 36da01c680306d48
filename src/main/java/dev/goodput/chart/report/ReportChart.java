package dev.goodput.chart.report;

import dev.goodput.chart.Chart;
import dev.goodput.chart.timeline.TimelineChart;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.chart.waterfall.WaterfallChart;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The charts a report exports, each built the one way every export (file, HTML, Markdown, CLI) draws it. */
public enum ReportChart {
    /** From the window's accelerator-time down to the goodput, cause by cause. */
    WATERFALL("Where the accelerator time went",
            "A waterfall from the window's accelerator-time down to the goodput: each step is one layer's "
                    + "badput, cause by cause; the bars between are what remains."),
    /** The whole window: run state, attempts, faults, checkpoints, step times. */
    TIMELINE("Run timeline",
            "The window from start to end: productive and lost time by cause, the job's attempts, faults, "
                    + "checkpoints and step times.");

    private final String title;
    private final String description;

    ReportChart(String title, String description) {
        this.title = title;
        this.description = description;
    }

    /** One sentence on what the chart shows, for figure captions and screen readers. */
    public String description() {
        return description;
    }

    /** The presentation title, e.g. {@code Run timeline}. */
    public String title() {
        return title;
    }

    /** The name in file names and on the command line: {@code waterfall}, {@code timeline}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The chart of {@code d}; {@code options} apply to the waterfall. */
    public Chart of(Derivation d, WaterfallOptions options) {
        return switch (this) {
            case WATERFALL -> new WaterfallChart(WaterfallModel.of(d.report(), options.otherThreshold()), options);
            case TIMELINE -> new TimelineChart(TimelineLanes.of(d));
        };
    }

    /** A chart by its {@link #id()}, in any case. */
    public static ReportChart parse(String id) {
        for (ReportChart c : values()) {
            if (c.id().equalsIgnoreCase(id.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chart '" + id + "': expected one of "
                + Arrays.stream(values()).map(ReportChart::id).collect(Collectors.joining(", ")));
    }
}
