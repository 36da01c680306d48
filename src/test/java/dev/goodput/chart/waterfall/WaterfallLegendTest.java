package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.chart.colour.CauseColours;
import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Layer;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Problem 1 of issue 13, the waterfall's key: its small causes are gathered per layer as on the timeline ("Other
 * infra", in that layer's "other" colour), never as one grey "Small causes", and its legend names those groups with
 * the timeline's names for them.
 */
class WaterfallLegendTest {
    @Test
    void theLegendNamesEachColourDrawnWithThePerLayerOtherGroupsOfTheTimeline() {
        Derivation d = SampleRuns.derive(SampleRuns.LLAMA);
        CauseColourBook book = CauseColourBook.session();
        WaterfallModel model = WaterfallModel.of(d.report(), 0.01);
        WaterfallChart chart = new WaterfallChart(model, WaterfallOptions.defaults());
        ChartLegend legend = chart.layout(ChartStyle.presentation("", "", ""), ChartSize.SLIDE_16_9.width(),
                ChartSize.SLIDE_16_9.height()).legend();
        Map<String, Integer> entries = new HashMap<>();
        legend.entries().forEach(e -> entries.put(e.label(), e.colour().getRGB()));
        assertFalse(entries.containsKey("Small causes"), entries::toString);

        boolean grouped = false;
        for (WaterfallModel.Bar b : model.bars()) {
            if (b instanceof WaterfallModel.Step step) {
                for (WaterfallModel.Segment s : step.segments()) {
                    if (s.cause().equals(WaterfallModel.OTHER)) {
                        grouped = true;
                        String named = "Other " + s.layer().id() + " " + WaterfallModel.count(s.members().size());
                        assertEquals(s.colour(), entries.get(named), named + " has its colour in the legend");
                        assertEquals(CauseColours.other(s.layer()), s.colour(), s.label());
                    }
                }
            }
        }
        assertTrue(grouped, "the 54-day run has small causes to group at 1%");

        // A cause the timeline gathers in "other infra" is gathered so here too, in the same colour and name.
        StateCategories timeline = StateCategories.of(d, book);
        for (int k = 1; k < timeline.size(); k++) {
            if (timeline.label(k).startsWith("Other ")) {
                Layer layer = timeline.layer(k);
                assertEquals(CauseColours.other(layer), timeline.colour(k));
                String prefix = "Other " + layer.id() + " (";
                assertTrue(entries.keySet().stream().anyMatch(l -> l.startsWith(prefix)),
                        "the waterfall has the timeline's " + timeline.label(k) + ": " + entries.keySet());
            }
        }
        assertEquals(List.of("Totals"), legend.entries().stream().limit(1).map(ChartLegend.Entry::label).toList());
    }

    /** A layer's group says what it gathers, by name, and why a cause may be in it. */
    @Test
    void hoveringAGroupNamesItsCausesAndWhyTheyAreGathered() {
        WaterfallModel model = WaterfallModel.of(SampleRuns.derive(SampleRuns.BLOOM).report(), 0.005);
        WaterfallModel.Segment other = model.bars().stream().filter(b -> b instanceof WaterfallModel.Step)
                .flatMap(b -> ((WaterfallModel.Step) b).segments().stream()).filter(WaterfallModel.Segment::isOther)
                .findFirst().orElseThrow();
        String text = WaterfallHover.describe(model, other, WaterfallOptions.defaults());
        assertTrue(text.contains(" causes, each under 0.50% of the window or too close in colour to a larger one: "),
                text);
        for (String member : other.members()) {
            assertTrue(text.contains(dev.goodput.core.model.CauseCatalog.labelFor(member)), text);
            assertFalse(member.contains("_") && text.contains(member), "named, not by id: " + text);
        }
    }
}
