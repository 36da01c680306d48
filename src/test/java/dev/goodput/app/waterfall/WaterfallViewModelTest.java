package dev.goodput.app.waterfall;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.waterfall.WaterfallChart;
import dev.goodput.chart.waterfall.WaterfallLayout;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.chart.waterfall.WaterfallUnit;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Layer;
import dev.goodput.testing.SampleRuns;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waterfall panel's logic without a window: options, hover text, click-to-highlight. */
class WaterfallViewModelTest {
    private static final ChartStyle STYLE = ChartStyle.screen();
    private static final double W = 900;
    private static final double H = 420;

    private static Derivation derive(String file) throws Exception {
        return SampleRuns.derive(file);
    }

    @Test
    void hoverOverACauseSaysItsTimeIntervalsAndShare() throws Exception {
        var derivation = new SimpleObjectProperty<>(derive("sample-runs/clean-small/run.jsonl"));
        var vm = new WaterfallViewModel(derivation, new SimpleObjectProperty<>());
        WaterfallLayout l = vm.chartProperty().get().layout(STYLE, W, H);
        WaterfallLayout.PlacedSegment provisioning = l.segments().stream()
                .filter(s -> s.segment().cause().equals("provisioning")).findFirst().orElseThrow();
        String text = vm.hoverText(STYLE, W, H, provisioning.bar().getCenterX(), provisioning.bar().getCenterY());
        assertEquals("""
                Provisioning / device init
                Layer: infra
                Lost: 42.0 s of window time (1.91% of the window)
                Accelerator-hours: 0.0933 h
                Intervals: 1""", text);
        // Its callout answers too; empty space does not.
        assertEquals(text, vm.hoverText(STYLE, W, H, provisioning.callout().getCenterX(),
                provisioning.callout().getCenterY()));
        assertNull(vm.hoverText(STYLE, W, H, W - 2, 2));
    }

    @Test
    void hoverOverABarsNameSaysWhatTheBarIs() throws Exception {
        var derivation = new SimpleObjectProperty<>(derive("sample-runs/bloom-176b/run.jsonl"));
        var vm = new WaterfallViewModel(derivation, new SimpleObjectProperty<>());
        WaterfallLayout l = vm.chartProperty().get().layout(STYLE, W, H);
        WaterfallLayout.PlacedName infra = l.names().get(1);
        var box = infra.text().box();
        String text = vm.hoverText(STYLE, W, H, box.getCenterX(), box.getCenterY());
        assertTrue(text.startsWith("Infra losses (infra layer)\n11.0% of the window · "), text);
        // BLOOM's infra causes: hot spares, unattributed downtime and five small ones grouped.
        assertTrue(text.endsWith("\nCauses: 7"), text);
        WaterfallLayout.PlacedName goodput = l.names().get(l.names().size() - 1);
        box = goodput.text().box();
        assertTrue(vm.hoverText(STYLE, W, H, box.getCenterX(), box.getCenterY()).startsWith("Goodput\n30.5%"));
    }

    @Test
    void clickingACauseHighlightsItAndClickingAgainClears() throws Exception {
        var derivation = new SimpleObjectProperty<>(derive("sample-runs/bloom-176b/run.jsonl"));
        var highlight = new SimpleObjectProperty<CauseKey>();
        var vm = new WaterfallViewModel(derivation, highlight);
        WaterfallLayout.PlacedSegment first = vm.chartProperty().get().layout(STYLE, W, H).segments().get(0);
        WaterfallChart before = vm.chartProperty().get();
        vm.click(STYLE, W, H, first.bar().getCenterX(), first.bar().getCenterY());
        assertEquals(new CauseKey(first.segment().layer(), first.segment().cause()), highlight.get());
        assertNotSame(before, vm.chartProperty().get(), "the chart is redrawn with the highlight");
        vm.click(STYLE, W, H, first.bar().getCenterX(), first.bar().getCenterY());
        assertNull(highlight.get());
        // A highlight set elsewhere (the timeline) redraws the chart too.
        WaterfallChart plain = vm.chartProperty().get();
        highlight.set(new CauseKey(first.segment().layer(), first.segment().cause()));
        assertNotSame(plain, vm.chartProperty().get());
    }

    @Test
    void optionsRegroupAndRelabelAndANewRunReplacesTheModel() throws Exception {
        var derivation = new SimpleObjectProperty<>(derive("sample-runs/bloom-176b/run.jsonl"));
        var vm = new WaterfallViewModel(derivation, new SimpleObjectProperty<>());
        WaterfallModel fine = vm.modelProperty().get();
        vm.optionsProperty().set(vm.optionsProperty().get().withOtherThreshold(0.05));
        WaterfallModel coarse = vm.modelProperty().get();
        assertTrue(segments(coarse) < segments(fine), "a higher threshold groups more causes");
        vm.optionsProperty().set(vm.optionsProperty().get().withUnit(WaterfallUnit.COST).withPrice(4));
        assertEquals(WaterfallUnit.COST, vm.optionsProperty().get().unit());
        WaterfallLayout.PlacedTotal window = vm.chartProperty().get().layout(STYLE, W, H).totals().get(0);
        assertTrue(vm.hoverText(STYLE, W, H, window.bar().getCenterX(), window.bar().getCenterY())
                .contains("Cost: $"));
        derivation.set(derive("sample-runs/clean-small/run.jsonl"));
        assertEquals("clean-small (GPT 1.3B on 8x A100)", vm.modelProperty().get().runName());
        derivation.set(null);
        assertNull(vm.chartProperty().get());
        assertNull(vm.hoverText(STYLE, W, H, 10, 10));
    }

    private static long segments(WaterfallModel m) {
        return m.bars().stream().filter(b -> b instanceof WaterfallModel.Step)
                .mapToLong(b -> ((WaterfallModel.Step) b).segments().size()).sum();
    }

    @Test
    void everyCalloutStaysInsideTheChartAndNoneOverlap() throws Exception {
        var derivation = new SimpleObjectProperty<>(derive("sample-runs/llama3-54day-sim/run.jsonl.gz"));
        var vm = new WaterfallViewModel(derivation, new SimpleObjectProperty<>());
        for (double[] size : new double[][]{{900, 420}, {1600, 900}, {600, 300}}) {
            WaterfallLayout l = vm.chartProperty().get().layout(STYLE, size[0], size[1]);
            List<WaterfallLayout.PlacedSegment> segs = l.segments();
            assertNotNull(segs);
            for (int i = 0; i < segs.size(); i++) {
                var c = segs.get(i).callout();
                assertTrue(c.getMinY() >= 0 && c.getMaxY() <= size[1], "callout inside: " + segs.get(i).name());
                for (int j = i + 1; j < segs.size(); j++) {
                    assertTrue(!c.intersects(segs.get(j).callout()), segs.get(i).name() + " / " + segs.get(j).name());
                }
            }
        }
    }
}
