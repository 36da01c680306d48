package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.sim.Cadence;
import dev.goodput.core.sim.RunSimulator;
import dev.goodput.core.sim.SimulationSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attributed partition after random edits, undos and redos (tags over ranges, splits, merges, rules added,
 * toggled and removed) on a run of many chunks: each version equals the partition built in one pass, versions
 * share what an edit did not touch, and the difference between two versions is exactly what changed.
 */
class AttributedPartitionProperties {
    private static final Derivation DENSE = GoodputDeriver.derive(RunSimulator.simulate(
            SimulationSpec.llama3(SimulationSpec.DEFAULT_SEED).withDays(2).withCadence(new Cadence(1, 0.25, 0, 0))),
            DerivationSettings.defaults());

    @Property(tries = 60)
    void versionsEqualOnePassAndTheirDifferenceIsWhatChanged(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IncrementalAttribution a = IncrementalAttribution.of(DENSE, Overlay.EMPTY);
        EditHistory history = new EditHistory(a);
        RandomEdits edits = new RandomEdits(r, DENSE, a);
        assertTrue(DENSE.intervals().size() > 20 * AttributedPartition.CHUNK, "the run spans many chunks");
        for (int step = 1 + r.nextInt(10); step > 0; step--) {
            AttributedPartition before = a.intervals();
            Derivation shownBefore = a.derivation();
            edits.step(history);
            AttributedPartition after = a.intervals();
            assertEquals(IncrementalAttribution.of(DENSE, a.overlay()).intervals(), after);
            List<AttributedPartition.Difference> ds = AttributedPartition.differences(before, after).orElseThrow();
            assertEquals(ds, AttributedPartition.differences(shownBefore.intervals(), a.derivation().intervals())
                    .orElseThrow(), "the derivations' intervals tell the same differences");
            List<AttributedInterval> rebuilt = new ArrayList<>();
            int kept = 0;
            for (AttributedPartition.Difference x : ds) {
                assertTrue(x.oldFrom() >= kept, "in order, not overlapping");
                rebuilt.addAll(before.subList(kept, x.oldFrom()));
                rebuilt.addAll(after.subList(x.newFrom(), x.newTo()));
                kept = x.oldTo();
            }
            rebuilt.addAll(before.subList(kept, before.size()));
            assertEquals(after, rebuilt, "outside the differences nothing changed");
            List<Interval> shown = a.derivation().intervals();
            assertEquals(after.size(), shown.size());
            for (int i = 0; i < after.size(); i += 97) {
                assertSame(after.get(i).interval(), shown.get(i));
            }
        }
    }

    @Test
    void unrelatedVersionsHaveNoDifference() {
        AttributedPartition one = IncrementalAttribution.of(DENSE, Overlay.EMPTY).intervals();
        AttributedPartition other = IncrementalAttribution.of(DENSE, Overlay.EMPTY).intervals();
        assertEquals(one, other);
        assertTrue(AttributedPartition.differences(one, other).isEmpty(), "different attributions: rebuild");
        assertTrue(AttributedPartition.differences(one, one).orElseThrow().isEmpty());
        assertTrue(AttributedPartition.differences(one, List.copyOf(one)).isEmpty());
    }
}
