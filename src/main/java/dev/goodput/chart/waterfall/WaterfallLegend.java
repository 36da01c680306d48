package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartLegend;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the waterfall's colours mean that its callouts do not say: the totals, and each layer's group of small causes
 * as the timeline's legend names it ("Other infra (3 causes)", in that layer's "other" colour), in the order the bars
 * show them. Each cause drawn alone is named beside its bar, in its own colour (one short row, so the plot and the
 * callouts keep their room).
 */
final class WaterfallLegend {
    private WaterfallLegend() {
    }

    static ChartLegend of(WaterfallModel model) {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("Totals", WaterfallChart.TOTAL_COLOURS[2]);
        for (WaterfallModel.Bar b : model.bars()) {
            if (b instanceof WaterfallModel.Step step) {
                for (WaterfallModel.Segment s : step.segments()) {
                    if (s.cause().equals(WaterfallModel.OTHER)) {
                        entries.putIfAbsent(label(s), s.colour());
                    }
                }
            }
        }
        List<ChartLegend.Entry> out = new ArrayList<>();
        entries.forEach((label, colour) -> out.add(new ChartLegend.Entry(label, new Color(colour, true))));
        return new ChartLegend(out);
    }

    /** A layer's group as the timeline's legend names it: "Other infra (3 causes)". */
    static String label(WaterfallModel.Segment other) {
        return "Other " + other.layer().id() + " " + WaterfallModel.count(other.members().size());
    }
}
