package dev.goodput.core.derive;

import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Laws every derivation must keep, on random runs and random windows. */
class PartitionProperties {

    @Property(tries = 400)
    void intervalsPartitionAnyWindowExactly(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                            @ForAll @DoubleRange(min = -0.5, max = 1.5) double from,
                                            @ForAll @DoubleRange(min = 0, max = 2) double length) {
        Run run = RandomRuns.generate(seed);
        Derivation whole = GoodputDeriver.derive(run, DerivationSettings.defaults());
        Window w = window(whole.window(), from, length);
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults().withWindow(w));
        List<Interval> iv = d.intervals();
        if (w.durationUs() == 0) {
            assertTrue(iv.isEmpty());
            return;
        }
        assertEquals(w.startUs(), iv.get(0).startUs());
        assertEquals(w.endUs(), iv.get(iv.size() - 1).endUs());
        long sum = 0;
        for (int i = 0; i < iv.size(); i++) {
            Interval x = iv.get(i);
            assertTrue(x.endUs() > x.startUs(), "no empty or negative interval");
            if (i > 0) {
                assertEquals(iv.get(i - 1).endUs(), x.startUs(), "contiguous, no overlap, no hole");
            }
            sum += x.durationUs();
        }
        assertEquals(w.durationUs(), sum);
    }

    @Property(tries = 400)
    void goodputsAreFractionsAndTheirProductIsOverall(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                      @ForAll @DoubleRange(min = -0.5, max = 1.5) double from,
                                                      @ForAll @DoubleRange(min = 0, max = 2) double length) {
        Run run = RandomRuns.generate(seed);
        Window w = window(GoodputDeriver.derive(run, DerivationSettings.defaults()).window(), from, length);
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults().withWindow(w)).report();
        // Undefined only where the definition divides by zero: an empty window, or nothing available.
        assertEquals(w.durationUs() == 0, r.goodput().infra() == null);
        if (r.goodput().infra() == null) {
            return;
        }
        assertFraction(r.goodput().infra());
        assertEquals(r.availableSeconds() == 0, r.goodput().framework() == null);
        if (r.goodput().framework() == null) {
            assertEquals(null, r.goodput().overall());
            return;
        }
        assertFraction(r.goodput().framework());
        if (r.goodput().model() != null) {
            assertFraction(r.goodput().model());
            assertNotNull(r.goodput().overall());
            assertEquals(r.goodput().infra() * r.goodput().framework() * r.goodput().model(),
                    r.goodput().overall(), 1e-12);
            assertFraction(r.goodput().overall());
        }
    }

    @Property(tries = 400)
    void everySecondIsCountedOnceAndNoneIsNegative(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        GoodputReport r = GoodputDeriver.derive(RandomRuns.generate(seed), DerivationSettings.defaults()).report();
        double lost = 0;
        for (CauseShare c : r.badput()) {
            assertTrue(c.seconds() >= 0, c.cause() + " negative");
            if (c.layer() != Layer.MODEL) {
                lost += c.seconds();
            }
        }
        assertTrue(r.productiveSeconds() >= 0);
        assertTrue(r.availableSeconds() >= r.productiveSeconds() - 1e-6);
        assertEquals(r.windowSeconds(), r.productiveSeconds() + lost, 1e-6 * Math.max(1, r.windowSeconds()));
        double layersSum = r.layers().stream().filter(l -> l.layer() != Layer.MODEL)
                .mapToDouble(l -> l.seconds()).sum();
        assertEquals(lost, layersSum, 1e-6 * Math.max(1, r.windowSeconds()));
        // The waterfall ends where the product law says.
        var last = r.waterfall().get(r.waterfall().size() - 1);
        double infra = r.goodput().infra() == null ? 0 : r.goodput().infra();
        double framework = r.goodput().framework() == null ? 0 : r.goodput().framework();
        double expectedEnd = r.goodput().overall() != null ? r.goodput().overall() : infra * framework;
        assertEquals(expectedEnd, last.remaining(), 1e-9);
    }

    @Property(tries = 400)
    void slowStepsCostAtMostProductiveTimeAndKeepTheProductLaw(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = -0.5, max = 1.5) double from,
            @ForAll @DoubleRange(min = 0, max = 2) double length) {
        Run run = RandomRuns.generate(seed);
        Window w = window(GoodputDeriver.derive(run, DerivationSettings.defaults()).window(), from, length);
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults().withWindow(w));
        GoodputReport r = d.report();
        double slow = ReportLookup.seconds(r, "slow_steps");
        double eps = 1e-9 * Math.max(1, r.windowSeconds());
        assertTrue(slow >= 0 && slow <= r.productiveSeconds() + eps, slow + " > " + r.productiveSeconds());
        assertEquals(r.slowSteps().seconds(), slow);
        assertEquals(d.slowSteps().count(), r.slowSteps().steps());
        assertEquals(r.slowSteps().steps() > 0, r.badput().stream().anyMatch(c -> c.cause().equals("slow_steps")));
        // No step is both steady state and slow.
        assertTrue(r.mfu().steadySteps() + r.slowSteps().steps() <= r.steps().keptSteps());
        Double model = r.goodput().model();
        if (model == null || r.goodput().overall() == null) {
            return;
        }
        assertFraction(model);
        assertFraction(r.goodput().overall());
        assertEquals(r.goodput().infra() * r.goodput().framework() * model, r.goodput().overall(), 1e-12);
        double mfu = r.mfu().mfu();
        if (r.windowSeconds() > 0) {
            assertEquals((r.productiveSeconds() - slow) * mfu / r.windowSeconds(), r.goodput().overall(), 1e-9);
        }
        // The model layer is the productive time that did not become model FLOPs at peak.
        double modelLayer = r.layers().get(Layer.MODEL.ordinal()).seconds();
        assertEquals(r.productiveSeconds() - (r.productiveSeconds() - slow) * mfu, modelLayer, eps);
    }

    private static Window window(Window base, double from, double length) {
        long span = Math.max(1, base.durationUs());
        long start = base.startUs() + Math.round(from * span);
        long end = start + Math.round(length * span);
        return new Window(start, end);
    }

    private static void assertFraction(double v) {
        assertTrue(v >= 0 && v <= 1, "not in [0, 1]: " + v);
    }
}
