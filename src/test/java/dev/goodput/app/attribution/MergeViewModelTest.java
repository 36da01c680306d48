package dev.goodput.app.attribution;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.FaultRole.FaultRef;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.Conflict;
import dev.goodput.core.workspace.MergeResult;
import dev.goodput.core.workspace.MergeResult.Side;
import dev.goodput.core.workspace.OverlayMerge;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeViewModelTest {
    /** 2025-03-03T09:00:00Z. */
    private static final long T0 = 1_740_992_400_000_000L;
    private static final long MINUTE = 60_000_000L;
    private static final FaultRef GPU = new FaultRef("run.jsonl:120", T0 + 10 * MINUTE);
    private static final FaultRef NCCL = new FaultRef("rank3.log:88", T0 + 10 * MINUTE + 2_000_000);

    private static Tag tag(String id, int fromMin, int toMin, String cause, Layer layer) {
        return new Tag(id, T0 + fromMin * MINUTE, T0 + toMin * MINUTE, cause, layer, null, "");
    }

    private static Rule rule(String id, String pattern, String cause) {
        return new Rule(id, "NCCL", pattern, null, Long.MIN_VALUE, Long.MAX_VALUE, cause, Layer.FRAMEWORK, true);
    }

    // One conflict of each kind, and something new from the file of each kind.
    private static final Tag MY_GPU = tag("m1", 10, 12, "faulty_gpu", Layer.INFRA);
    private static final Tag THEIR_NCCL = tag("t1", 10, 12, "nccl_watchdog_timeouts", Layer.FRAMEWORK);
    private static final Rule MY_RULE = rule("r1", "NCCL.*timeout", "nccl_watchdog_timeouts");
    private static final Rule THEIR_RULE = rule("r1", "NCCL.*(timeout|watchdog)", "network_switch_cable");
    private static final FaultRole MY_ROLE = new FaultRole(NCCL, FaultRole.Kind.ROOT_CAUSE, null, "");
    private static final FaultRole THEIR_ROLE = new FaultRole(NCCL, FaultRole.Kind.CASCADE, GPU, "after the GPU");
    private static final Overlay MINE = new Overlay(List.of(MY_GPU, tag("m2", 30, 31, "preemption", Layer.INFRA)),
            List.of(MY_RULE), List.of(MY_ROLE));
    private static final Overlay THEIRS = new Overlay(
            List.of(THEIR_NCCL, tag("t2", 40, 45, "queue", Layer.INFRA), tag("t3", 50, 51, "queue", Layer.INFRA)),
            List.of(THEIR_RULE, rule("r2", "ECC", "gpu_hbm3_memory")),
            List.of(THEIR_ROLE, new FaultRole(GPU, FaultRole.Kind.ROOT_CAUSE, null, "")));

    private final MergeResult result = OverlayMerge.merge(MINE, THEIRS);
    private final MergeViewModel merge = new MergeViewModel(MINE, result);

    @Test
    void oneChoicePerConflictKeepingYoursAtFirst() {
        assertEquals(3, merge.choices().size());
        assertInstanceOf(Conflict.Tags.class, merge.choices().get(0).conflict());
        assertInstanceOf(Conflict.Rules.class, merge.choices().get(1).conflict());
        assertInstanceOf(Conflict.FaultRoles.class, merge.choices().get(2).conflict());
        assertEquals(result.conflicts().stream().map(Conflict::describe).toList(),
                merge.choices().stream().map(MergeViewModel.Choice::description).toList());
        assertTrue(merge.choices().stream().allMatch(c -> c.getSide() == Side.MINE));
        assertEquals(result.merged(), merge.resolved());
        assertEquals("2 tags, 1 rule and 1 fault role come from the file; 3 conflicts",
                merge.summaryProperty().get());
    }

    @Test
    void eachConflictIsSettledOnItsOwn() {
        merge.choices().get(0).setSide(Side.THEIRS);
        Overlay o = merge.resolved();
        assertTrue(o.tags().contains(THEIR_NCCL) && !o.tags().contains(MY_GPU), o.tags().toString());
        assertEquals(MY_GPU.startUs(), o.tags().get(0).startUs(), "theirs takes the place of yours");
        assertTrue(o.rules().contains(MY_RULE));
        assertTrue(o.faultRoles().contains(MY_ROLE));
        assertEquals("3 tags, 1 rule and 1 fault role come from the file; 3 conflicts, 1 taking theirs",
                merge.summaryProperty().get());

        merge.choices().get(0).setSide(Side.MINE);
        merge.choices().get(1).setSide(Side.THEIRS);
        o = merge.resolved();
        assertEquals(List.of(THEIR_RULE, rule("r2", "ECC", "gpu_hbm3_memory")), o.rules());
        assertTrue(o.tags().contains(MY_GPU));

        merge.choices().get(1).setSide(Side.MINE);
        merge.choices().get(2).setSide(Side.THEIRS);
        o = merge.resolved();
        assertEquals(THEIR_ROLE, o.faultRoles().get(0));
        assertEquals(List.of(MY_RULE, rule("r2", "ECC", "gpu_hbm3_memory")), o.rules());
    }

    @Test
    void allTheirsAndAllMine() {
        merge.takeAllTheirs();
        MergeResult expected = result;
        for (Conflict c : result.conflicts()) {
            expected = expected.resolve(c, Side.THEIRS);
        }
        assertEquals(expected.merged(), merge.resolved());
        assertTrue(merge.resolved().tags().contains(THEIR_NCCL));
        assertTrue(merge.resolved().rules().contains(THEIR_RULE));
        assertTrue(merge.resolved().faultRoles().contains(THEIR_ROLE));
        assertFalse(merge.resolved().tags().contains(MY_GPU));
        assertTrue(merge.summaryProperty().get().endsWith("; 3 conflicts, 3 taking theirs"),
                merge.summaryProperty().get());

        merge.takeAllMine();
        assertEquals(result.merged(), merge.resolved());
        assertThrows(NullPointerException.class, () -> merge.choices().get(0).setSide(null));
        merge.choices().get(0).sideProperty().set(null);
        assertEquals(Side.MINE, merge.choices().get(0).getSide(), "a cleared choice keeps yours");
        assertEquals(result.merged(), merge.resolved());
    }

    @Test
    void withoutConflictsItIsTheMergedOverlayAndSaysWhatComes() {
        Overlay theirs = new Overlay(List.of(tag("t2", 40, 45, "queue", Layer.INFRA), MY_GPU), List.of(MY_RULE,
                rule("r2", "ECC", "gpu_hbm3_memory")), List.of());
        MergeResult clean = OverlayMerge.merge(MINE, theirs);
        MergeViewModel m = new MergeViewModel(MINE, clean);
        assertFalse(m.hasConflicts());
        assertEquals(clean.merged(), m.resolved());
        assertEquals("1 tag and 1 rule come from the file", m.summaryProperty().get());
        assertEquals("Nothing new comes from the file", new MergeViewModel(MINE, OverlayMerge.merge(MINE, MINE))
                .summaryProperty().get());
        assertEquals("1 tag comes from the file", new MergeViewModel(Overlay.EMPTY, OverlayMerge.merge(Overlay.EMPTY,
                new Overlay(List.of(MY_GPU), List.of(), List.of()))).summaryProperty().get());
    }
}
