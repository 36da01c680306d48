package dev.goodput.chart.waterfall;

import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.chart.colour.CauseColours;
import dev.goodput.chart.colour.ShownColours;
import dev.goodput.chart.timeline.StatePalette;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.LayerShare;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waterfall's numbers are the report's: totals, each layer's step, each cause, nothing lost or doubled. */
class WaterfallModelTest {
    private static GoodputReport report(String file) throws Exception {
        return SampleRuns.derive(file).report();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-runs/clean-small/run.jsonl", "sample-runs/bloom-176b/run.jsonl",
            "sample-runs/llama3-54day-sim/run.jsonl.gz"})
    void barsEqualTheReport(String file) throws Exception {
        GoodputReport r = report(file);
        for (double threshold : new double[]{0, 0.005, 0.05}) {
            WaterfallModel m = WaterfallModel.of(r, threshold);
            ShownColours shown = ShownColours.of(r.badput(), CauseColourBook.session());
            List<WaterfallModel.Bar> bars = m.bars();
            assertEquals(7, bars.size());
            double infra = r.goodput().infra();
            double framework = r.goodput().framework();
            assertEquals(1.0, ((WaterfallModel.Total) bars.get(0)).fraction());
            assertEquals(infra, ((WaterfallModel.Total) bars.get(2)).fraction(), 1e-12);
            assertEquals(infra * framework, ((WaterfallModel.Total) bars.get(4)).fraction(), 1e-12);
            assertEquals(r.goodput().overall(), ((WaterfallModel.Total) bars.get(6)).fraction(), 1e-12);
            assertEquals(r.productiveSeconds(), ((WaterfallModel.Total) bars.get(4)).seconds(), 1e-6);
            for (int i : new int[]{1, 3, 5}) {
                WaterfallModel.Step step = assertInstanceOf(WaterfallModel.Step.class, bars.get(i));
                LayerShare layer = r.layers().stream().filter(l -> l.layer() == step.layer()).findFirst().orElseThrow();
                assertEquals(layer.fraction(), step.fraction(), 1e-9, step.label());
                // Each step starts where the total before it ends and ends where the next one starts.
                double before = ((WaterfallModel.Total) bars.get(i - 1)).fraction();
                double after = ((WaterfallModel.Total) bars.get(i + 1)).fraction();
                assertEquals(before, step.top(), 1e-12);
                assertEquals(after, step.top() - step.fraction(), 1e-6, step.label());
            }
            // Every cause of the report appears exactly once, alone or inside its layer's "other".
            List<String> members = new ArrayList<>();
            for (WaterfallModel.Bar b : bars) {
                if (b instanceof WaterfallModel.Step s) {
                    for (WaterfallModel.Segment seg : s.segments()) {
                        seg.members().forEach(c -> members.add(s.layer().id() + "/" + c));
                        if (!seg.isOther()) {
                            CauseShare c = r.badput().stream().filter(x -> x.layer() == s.layer()
                                    && x.cause().equals(seg.cause())).findFirst().orElseThrow();
                            assertEquals(c.fraction(), seg.fraction());
                            assertEquals(c.seconds(), seg.seconds());
                            assertEquals(c.intervals(), seg.intervals());
                        } else {
                            // Each member is below the threshold or drawn in "other" for its colour's sake (too close
                            // to a larger cause's).
                            for (String member : seg.members()) {
                                CauseShare c = r.badput().stream().filter(x -> x.layer() == s.layer()
                                        && x.cause().equals(member)).findFirst().orElseThrow();
                                assertTrue(c.fraction() < threshold || shown.grouped(c.layer(), c.cause()), member);
                            }
                        }
                    }
                }
            }
            assertEquals(r.badput().stream().map(c -> c.layer().id() + "/" + c.cause()).sorted().toList(),
                    members.stream().sorted().toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-runs/clean-small/run.jsonl", "sample-runs/bloom-176b/run.jsonl",
            "sample-runs/llama3-54day-sim/run.jsonl.gz"})
    void slowStepsAreAStackedCauseOfTheModelStepInTheirOwnColour(String file) throws Exception {
        GoodputReport r = report(file);
        WaterfallModel m = WaterfallModel.of(r, 0);
        WaterfallModel.Step model = (WaterfallModel.Step) m.bars().get(5);
        assertEquals(Layer.MODEL, model.layer());
        WaterfallModel.Segment slow = model.segments().stream().filter(s -> s.cause().equals("slow_steps"))
                .findFirst().orElseThrow();
        assertEquals(r.slowSteps().seconds(), slow.seconds());
        assertEquals(r.slowSteps().seconds() / r.windowSeconds(), slow.fraction(), 1e-15);
        assertEquals(r.slowSteps().steps(), slow.intervals());
        assertTrue(WaterfallHover.describe(m, slow, WaterfallOptions.defaults()).contains(
                "\nSlow steps: " + r.slowSteps().steps()));
        // Its own colour, which no other segment takes; the MFU gap keeps its fixed colour.
        assertEquals(StatePalette.SLOW_STEPS, slow.colour());
        WaterfallModel.Segment gap = model.segments().stream().filter(s -> s.cause().equals("mfu_gap"))
                .findFirst().orElseThrow();
        assertEquals(CauseColours.fixed("mfu_gap"), gap.colour());
        for (WaterfallModel.Bar b : m.bars()) {
            if (b instanceof WaterfallModel.Step s) {
                s.segments().stream().filter(seg -> seg != slow).forEach(seg ->
                        assertTrue(seg.colour() != StatePalette.SLOW_STEPS, seg.cause()));
            }
        }
        // Slow steps and the MFU gap are all of productive time that made no model FLOPs at peak.
        double productive = ((WaterfallModel.Total) m.bars().get(4)).fraction();
        assertEquals(productive - r.goodput().overall(), slow.fraction() + gap.fraction(), 1e-9);
        // Grouped with small causes, slow steps still count in the model step.
        WaterfallModel grouped = WaterfallModel.of(r, 0.5);
        assertEquals(model.fraction(), ((WaterfallModel.Step) grouped.bars().get(5)).fraction(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.03})
    void smallCausesAreGroupedOnlyWhenTwoOrMoreAreSmall(double threshold) throws Exception {
        GoodputReport r = report("sample-runs/bloom-176b/run.jsonl");
        WaterfallModel m = WaterfallModel.of(r, threshold);
        ShownColours shown = ShownColours.of(r.badput(), CauseColourBook.session());
        for (Layer layer : List.of(Layer.INFRA, Layer.FRAMEWORK)) {
            long small = r.badput().stream().filter(c -> c.layer() == layer && c.fraction() < threshold).count();
            boolean forColour = r.badput().stream().anyMatch(c -> c.layer() == layer && shown.grouped(layer, c.cause()));
            if (forColour) {
                small = Math.max(2, small); // a cause drawn in "other" for its colour's sake is grouped alone too
            }
            WaterfallModel.Step step = (WaterfallModel.Step) m.bars().stream()
                    .filter(b -> b instanceof WaterfallModel.Step s && s.layer() == layer).findFirst().orElseThrow();
            long others = step.segments().stream().filter(WaterfallModel.Segment::isOther).count();
            assertEquals(small >= 2 ? 1 : 0, others, layer + " at " + threshold);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FRACTION", "ACCELERATOR_HOURS", "COST"})
    void unitsScaleTheWindowsAcceleratorHours(String unit) throws Exception {
        GoodputReport r = report("sample-runs/clean-small/run.jsonl");
        WaterfallModel m = WaterfallModel.of(r, 0);
        WaterfallOptions o = WaterfallOptions.defaults().withUnit(WaterfallUnit.valueOf(unit)).withPrice(3.0);
        double hours = r.windowSeconds() * r.accelerators() / 3600.0;
        double expected = switch (o.unit()) {
            case FRACTION -> 0.25;
            case ACCELERATOR_HOURS -> 0.25 * hours;
            case COST -> 0.25 * hours * 3.0;
        };
        assertEquals(expected, m.value(0.25, o), 1e-9);
        // The report's per-cause accelerator-hours are the same figure.
        CauseShare first = r.badput().get(0);
        assertEquals(first.acceleratorHours(), m.value(first.fraction(),
                o.withUnit(WaterfallUnit.ACCELERATOR_HOURS)), 1e-6);
    }
}
