package dev.goodput.core.derive;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.StepTable;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        groupedAsThePlanAllows(claims, plan, run.steps());
        List<Claim> perStep = perStep(claims, run.steps());
        assertEquals(PartitionSweep.sweep(perStep, w), PartitionSweep.sweep(claims, w));
    }

    /**
     * Checked against the plan, not the grouping code: every step that claims time (an attempt, an end after its
     * start) is claimed once, and a run holds only steps of one attempt and one kept-ness, each ending where the next
     * starts, its state the steps' (productive when kept).
     */
    private static void groupedAsThePlanAllows(List<Claim> claims, StepPlan plan, StepTable s) {
        int[] claimed = new int[s.size()];
        for (Claim c : claims) {
            if (c.rank() != ClaimRank.STEP) {
                continue;
            }
            int first = c.steps() == null ? rowOf(c, s) : c.steps().first();
            int last = c.steps() == null ? first : c.steps().last();
            assertEquals(s.startUs(first), c.start());
            assertEquals(plan.end[last], c.end());
            assertEquals(plan.kept[first] ? IntervalState.PRODUCTIVE
                    : new IntervalState.Lost(CauseCatalog.WASTED_PROGRESS), c.state());
            for (int i = first; i <= last; i++) {
                claimed[i]++;
                assertEquals(plan.attempt[first], plan.attempt[i], "one attempt per run");
                assertEquals(plan.kept[first], plan.kept[i], "one kept-ness per run");
                if (i < last) {
                    assertEquals(s.startUs(i + 1), plan.end[i], "the steps of a run touch");
                }
            }
        }
        for (int i = 0; i < s.size(); i++) {
            boolean claimsTime = plan.attempt[i] >= 0 && plan.end[i] > s.startUs(i);
            assertEquals(claimsTime ? 1 : 0, claimed[i], "step row " + i + " claimed once if it claims time");
        }
    }

    /** The row of a single step's claim: the one it names as its source, starting where the claim starts. */
    private static int rowOf(Claim c, StepTable s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.startUs(i) == c.start() && s.source(i).equals(c.source())) {
                return i;
            }
        }
        throw new AssertionError("a step claim names no step: " + c);
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
