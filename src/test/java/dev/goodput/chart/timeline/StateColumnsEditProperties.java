package dev.goodput.chart.timeline;

import dev.goodput.core.attribution.AttributedPartition;
import dev.goodput.core.attribution.EditHistory;
import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.RandomEdits;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.sim.Cadence;
import dev.goodput.core.sim.RunSimulator;
import dev.goodput.core.sim.SimulationSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state pyramid following random edits, undos and redos (tags over ranges, splits, merges, rules added,
 * toggled and removed): patched in the edit's footprint, edit after edit, it equals the pyramid built whole for
 * the edited derivation, bin for bin, and summarises every view exactly as that one does.
 */
class StateColumnsEditProperties {
    private static final Derivation DENSE = GoodputDeriver.derive(RunSimulator.simulate(
            SimulationSpec.llama3(SimulationSpec.DEFAULT_SEED).withDays(3).withCadence(new Cadence(1, 0.25, 0, 0))),
            DerivationSettings.defaults());

    @Property(tries = 40)
    void patchedColumnsEqualColumnsBuiltWhole(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IncrementalAttribution a = IncrementalAttribution.of(DENSE, Overlay.EMPTY);
        EditHistory history = new EditHistory(a);
        RandomEdits edits = new RandomEdits(r, DENSE, a);
        Derivation shown = a.derivation();
        StateColumns columns = StateColumns.of(shown, StateCategories.of(shown));
        for (int step = 1 + r.nextInt(10); step > 0; step--) {
            edits.step(history);
            Derivation next = a.derivation();
            StateCategories c = StateCategories.of(next);
            columns = columns.patched(next, c, AttributedPartition.differences(shown.intervals(), next.intervals())
                    .orElseThrow());
            StateColumns whole = StateColumns.of(next, c);
            assertTrue(columns.sameAs(whole), "patched bins equal bins built whole");
            long t0 = next.window().startUs();
            long span = next.window().durationUs();
            for (int v = 0; v < 8; v++) {
                long from = t0 + (long) (r.nextDouble() * span);
                long to = from + 1 + (long) (r.nextDouble() * (t0 + span - from));
                int width = 50 + r.nextInt(2000);
                assertArrayEquals(whole.summarize(from, to, width), columns.summarize(from, to, width));
            }
            shown = next;
        }
    }

    @Property(tries = 10)
    void lanesOfAnEditFollowItsFootprint(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IncrementalAttribution a = IncrementalAttribution.of(DENSE, Overlay.EMPTY);
        EditHistory history = new EditHistory(a);
        RandomEdits edits = new RandomEdits(r, DENSE, a);
        TimelineLanes.of(a.derivation());
        for (int step = 0; step < 4; step++) {
            history.apply(edits.next());
            Derivation next = a.derivation();
            TimelineLanes lanes = TimelineLanes.of(next);
            assertTrue(lanes.states().sameAs(StateColumns.of(next, lanes.categories())));
        }
    }
}
