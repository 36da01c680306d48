package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random sequences of edits, undos and redos on the real samples: the incremental attribution must equal
 * the overlay applied in one pass (exactly) and the slow oracle (to 1e-9), and keep the laws of the
 * derivation.
 */
class AttributionProperties {
    private static final List<Derivation> SAMPLES = List.of(derive("sample-runs/bloom-176b/run.jsonl"),
            derive("sample-runs/clean-small/run.jsonl"));

    @Property(tries = 150)
    void incrementalEditsEqualOnePassAndKeepTheLaws(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Derivation base = SAMPLES.get(r.nextInt(SAMPLES.size()));
        IncrementalAttribution a = IncrementalAttribution.of(base, Overlay.EMPTY);
        EditHistory history = new EditHistory(a);
        RandomEdits edits = new RandomEdits(r, base, a);
        for (int step = 1 + r.nextInt(12); step > 0; step--) {
            int what = r.nextInt(10);
            if (what < 7 || !history.canUndo()) {
                GoodputReport before = a.report();
                history.apply(edits.next());
                GoodputReport after = a.report();
                check(base, a);
                history.undo();
                assertEquals(before, a.report(), "undo gives exactly the report before the edit");
                history.redo();
                assertEquals(after, a.report(), "redo gives exactly the report after it");
            } else if (what < 9) {
                history.undo();
                check(base, a);
            } else if (history.canRedo()) {
                history.redo();
                check(base, a);
            }
        }
    }

    private static void check(Derivation base, IncrementalAttribution a) {
        AttributedDerivation onePass = AttributedDerivation.of(base, a.overlay());
        assertEquals(onePass.report(), a.report());
        assertEquals(onePass.intervals(), a.intervals());
        assertEquals(NaiveAttribution.pieces(base, a.overlay()), a.intervals());
        GoodputReport oracle = NaiveAttribution.report(base, a.overlay());
        GoodputReport r = a.report();
        assertClose(oracle.goodput().infra(), r.goodput().infra());
        assertClose(oracle.goodput().framework(), r.goodput().framework());
        assertClose(oracle.goodput().overall(), r.goodput().overall());
        assertEquals(oracle.badput().size(), r.badput().size());
        for (CauseShare c : oracle.badput()) {
            assertClose(c.seconds(), ReportFigures.seconds(r, c.cause()));
        }
        assertEquals(oracle.reliability(), r.reliability());
        coversTheWindow(base, a.intervals());
        assertFraction(r.goodput().infra());
        assertFraction(r.goodput().framework());
        assertFraction(r.goodput().overall());
        // Tags and rules only move lost time between causes: productive time, MFU and infra × framework
        // (= productive ÷ window) stay.
        GoodputReport b = base.report();
        assertEquals(b.productiveSeconds(), r.productiveSeconds());
        assertEquals(b.goodput().model(), r.goodput().model());
        // Slow steps are kept progress, never re-labelled: their count and excess stay too.
        assertEquals(b.slowSteps(), r.slowSteps());
        assertEquals(ReportFigures.seconds(b, "slow_steps"), ReportFigures.seconds(r, "slow_steps"));
        assertEquals(b.goodput().infra() * b.goodput().framework(), r.goodput().infra() * r.goodput().framework(),
                1e-12);
    }

    private static void coversTheWindow(Derivation base, List<AttributedInterval> pieces) {
        assertEquals(base.window().startUs(), pieces.get(0).startUs());
        assertEquals(base.window().endUs(), pieces.get(pieces.size() - 1).endUs());
        long sum = 0;
        for (int i = 0; i < pieces.size(); i++) {
            assertTrue(pieces.get(i).endUs() > pieces.get(i).startUs(), "no empty piece");
            if (i > 0) {
                assertEquals(pieces.get(i - 1).endUs(), pieces.get(i).startUs(), "no gap, no overlap");
            }
            sum += pieces.get(i).endUs() - pieces.get(i).startUs();
        }
        assertEquals(base.window().durationUs(), sum);
    }

    private static void assertClose(Double expected, Double actual) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual);
            return;
        }
        assertEquals(expected, actual, Math.max(Math.abs(expected), Math.abs(actual)) * 1e-9);
    }

    private static void assertFraction(Double x) {
        if (x != null) {
            assertTrue(x >= 0 && x <= 1, () -> x + " is not a fraction");
        }
    }

    private static Derivation derive(String file) {
        try {
            return GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(Path.of(file))),
                    DerivationSettings.defaults());
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }
}
