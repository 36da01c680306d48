package dev.goodput.core.derive;

import dev.goodput.core.model.Run;
import dev.goodput.core.model.StepTable;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One claim per run of touching steps partitions the window exactly as one claim per step did: the same
 * intervals, states, accelerators and deciding records (each step the source of its own time), over random runs
 * (rollbacks, gaps, phases and checkpoints inside steps) and random windows.
 */
class StepRunProperties {
    @Property(tries = 400)
    void stepRunsPartitionAsSingleSteps(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                        @ForAll @DoubleRange(min = -0.5, max = 1.5) double from,
                                        @ForAll @DoubleRange(min = 0, max = 2) double length) {
        Run run = RandomRuns.generate(seed);
        Window whole = GoodputDeriver.derive(run, DerivationSettings.defaults()).window();
        long span = Math.max(1, whole.durationUs());
        long start = whole.startUs() + Math.round(from * span);
        Window w = new Window(start, start + Math.round(length * span));
        if (w.durationUs() == 0) {
            return;
        }
        int capacity = GoodputDeriver.capacity(run);
        AttemptResolver.Result resolved = AttemptResolver.resolve(run, capacity);
        StepPlan plan = StepPlan.plan(run.steps(), resolved.stepAttempt(), resolved.attempts());
        List<Claim> claims = ClaimBuilder.build(run, resolved.attempts(), plan, w, capacity, false, new ArrayList<>());
        List<Claim> perStep = perStep(claims, run.steps());
        assertTrue(perStep.size() >= claims.size());
        assertEquals(PartitionSweep.sweep(perStep, w), PartitionSweep.sweep(claims, w));
    }

    /** The claims as they were, one per step: a step run's rows each claim [its start, the next one's start). */
    private static List<Claim> perStep(List<Claim> claims, StepTable s) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : claims) {
            if (c.steps() == null) {
                out.add(c);
                continue;
            }
            StepRun r = c.steps();
            for (int i = r.first(); i <= r.last(); i++) {
                long end = i < r.last() ? s.startUs(i + 1) : c.end();
                out.add(new Claim(s.startUs(i), end, c.rank(), c.state(), c.inUse(), c.hotSpares(), s.source(i),
                        c.group(), c.seq()));
            }
        }
        return out;
    }
}
