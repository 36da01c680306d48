package dev.goodput.chart.report;

import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.report.CauseShare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The labels an exported chart of a derivation must show, for checking SVG, PDF and HTML exports. */
public final class ChartLabels {
    private ChartLabels() {
    }

    /** Every bar's name and every segment's label (each cause, or its layer's "Other" group). */
    public static List<String> waterfall(Derivation d) {
        List<String> labels = new ArrayList<>();
        WaterfallModel m = WaterfallModel.of(d.report(), WaterfallOptions.DEFAULT_OTHER_THRESHOLD);
        for (WaterfallModel.Bar b : m.bars()) {
            labels.add(b.label());
            if (b instanceof WaterfallModel.Step s) {
                s.segments().forEach(seg -> labels.add(seg.label()));
            }
        }
        return labels;
    }

    /**
     * The lanes' names, and productive and every cause some interval is lost to (not the model layer's losses or
     * idle accelerators, which are shares of intervals, not intervals of their own): each cause, or its layer's
     * "Other" group when its colour is too close to a larger cause's.
     */
    public static List<String> timeline(Derivation d) {
        Set<String> onTimeline = new HashSet<>();
        for (Interval iv : d.intervals()) {
            if (iv.state() instanceof IntervalState.Lost lost) {
                onTimeline.add(lost.cause().layer().id() + "/" + lost.cause().id());
            }
        }
        List<String> labels = new ArrayList<>(List.of("Run state", "Attempts", "Faults", "Checkpoints", "Step time",
                "Productive"));
        StateCategories states = StateCategories.of(d);
        for (CauseShare c : d.report().badput()) {
            if (onTimeline.contains(c.layer().id() + "/" + c.cause())) {
                String shown = states.label(states.indexOf(c.layer(), c.cause()));
                if (!labels.contains(shown)) {
                    labels.add(shown);
                }
            }
        }
        return labels;
    }

    public static List<String> of(ReportChart chart, Derivation d) {
        return chart == ReportChart.WATERFALL ? waterfall(d) : timeline(d);
    }
}
