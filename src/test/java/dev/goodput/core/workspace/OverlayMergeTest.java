package dev.goodput.core.workspace;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.FaultRole.FaultRef;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.goodput.core.workspace.TestWorkspaces.MINUTE;
import static dev.goodput.core.workspace.TestWorkspaces.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverlayMergeTest {
    private static final FaultRef GPU = new FaultRef("run.jsonl:120", T0 + 10 * MINUTE);
    private static final FaultRef NCCL = new FaultRef("rank3.log:88", T0 + 10 * MINUTE + 2_000_000);

    private static Tag tag(String id, int fromMin, int toMin, String cause, Layer layer) {
        return new Tag(id, T0 + fromMin * MINUTE, T0 + toMin * MINUTE, cause, layer, null, "");
    }

    private static Rule rule(String id, String pattern, String cause) {
        return new Rule(id, "NCCL", pattern, null, Long.MIN_VALUE, Long.MAX_VALUE, cause, Layer.FRAMEWORK, true);
    }

    @Test
    void differentAttributionsAreUnitedAndTheSameOnesKeptOnce() {
        Overlay mine = new Overlay(
                List.of(tag("a", 0, 5, "provisioning", Layer.INFRA), tag("b", 10, 12, "faulty_gpu", Layer.INFRA)),
                List.of(rule("r1", "NCCL.*timeout", "nccl_watchdog_timeouts")),
                List.of(new FaultRole(GPU, FaultRole.Kind.ROOT_CAUSE, null, "mine")));
        Overlay theirs = new Overlay(
                List.of(new Tag("x", T0 + 10 * MINUTE, T0 + 12 * MINUTE, "faulty_gpu", Layer.INFRA, null, "theirs"),
                        tag("b", 11, 13, "faulty_gpu", Layer.INFRA), // same id, same cause, overlapping: no conflict
                        tag("c", 20, 25, "data_loading", Layer.FRAMEWORK)),
                List.of(rule("r1", "NCCL.*timeout", "nccl_watchdog_timeouts"),
                        new Rule("r9", "other name", "NCCL.*timeout", null, Long.MIN_VALUE, Long.MAX_VALUE,
                                "nccl_watchdog_timeouts", Layer.FRAMEWORK, true), // same rule under another id
                        rule("r2", "ECC", "faulty_memory")),
                List.of(new FaultRole(GPU, FaultRole.Kind.ROOT_CAUSE, null, "theirs"),
                        new FaultRole(NCCL, FaultRole.Kind.CASCADE, GPU, "")));
        MergeResult r = OverlayMerge.merge(mine, theirs);
        assertEquals(List.of(), r.conflicts());
        assertEquals(List.of(tag("a", 0, 5, "provisioning", Layer.INFRA), tag("b", 10, 12, "faulty_gpu", Layer.INFRA),
                tag("b-theirs", 11, 13, "faulty_gpu", Layer.INFRA), tag("c", 20, 25, "data_loading", Layer.FRAMEWORK)),
                r.merged().tags());
        assertEquals(List.of(rule("r1", "NCCL.*timeout", "nccl_watchdog_timeouts"), rule("r2", "ECC", "faulty_memory")),
                r.merged().rules());
        assertEquals(List.of(new FaultRole(GPU, FaultRole.Kind.ROOT_CAUSE, null, "mine"),
                new FaultRole(NCCL, FaultRole.Kind.CASCADE, GPU, "")), r.merged().faultRoles());
        assertEquals(mine, OverlayMerge.merge(mine, mine).merged());
        assertEquals(mine, OverlayMerge.merge(mine, Overlay.EMPTY).merged());
        assertEquals(theirs.rules(), OverlayMerge.merge(Overlay.EMPTY, theirs).merged().rules());
    }

    @Test
    void conflictsKeepMineAndSayWhatEachSideSays() {
        Tag gpu = tag("m1", 10, 12, "faulty_gpu", Layer.INFRA);
        Rule mineRule = rule("r1", "NCCL.*timeout", "nccl_watchdog_timeouts");
        FaultRole root = new FaultRole(NCCL, FaultRole.Kind.ROOT_CAUSE, null, "");
        Overlay mine = new Overlay(List.of(gpu, tag("m2", 30, 31, "preemption", Layer.INFRA)), List.of(mineRule),
                List.of(root));
        Tag nccl = tag("t1", 10, 12, "nccl_watchdog_timeouts", Layer.FRAMEWORK);
        Tag shifted = tag("t2", 29, 32, "faulty_gpu", Layer.INFRA);
        Rule theirRule = new Rule("r1", "NCCL", "NCCL.*(timeout|watchdog)", "rank\\d+", T0, T0 + 60 * MINUTE,
                "network", Layer.INFRA, true);
        FaultRole cascade = new FaultRole(NCCL, FaultRole.Kind.CASCADE, GPU, "after the GPU fell off the bus");
        Overlay theirs = new Overlay(List.of(nccl, shifted), List.of(theirRule), List.of(cascade));

        MergeResult r = OverlayMerge.merge(mine, theirs);
        assertEquals(mine, r.merged());
        assertEquals(List.of(new Conflict.Tags(List.of(gpu), nccl), new Conflict.Tags(List.of(mine.tags().get(1)),
                shifted), new Conflict.Rules(mineRule, theirRule), new Conflict.FaultRoles(root, cascade)),
                r.conflicts());
        assertEquals(List.of(
                "2025-03-03 09:10:00–09:12:00 UTC: yours faulty_gpu (infra) vs theirs nccl_watchdog_timeouts "
                        + "(framework)",
                "2025-03-03 09:30:00–09:31:00 UTC: yours preemption (infra) over 2025-03-03 09:30:00–09:31:00 UTC "
                        + "vs theirs faulty_gpu (infra) over 2025-03-03 09:29:00–09:32:00 UTC",
                "rule r1 \"NCCL\": yours /NCCL.*timeout/ → nccl_watchdog_timeouts (framework) vs theirs "
                        + "/NCCL.*(timeout|watchdog)/ in /rank\\d+/ from 2025-03-03 09:00:00 UTC to "
                        + "2025-03-03 10:00:00 UTC → network (infra)",
                "fault rank3.log:88 at 2025-03-03 09:10:02 UTC: yours root cause vs theirs cascade of "
                        + "run.jsonl:120 at 2025-03-03 09:10:00 UTC"),
                r.conflicts().stream().map(Conflict::describe).toList());
        assertEquals(T0 + 10 * MINUTE, r.conflicts().get(0).startUs());
    }

    @Test
    void tagsLimitedToDifferentCausesDoNotConflict() {
        Tag a = new Tag("a", T0, T0 + MINUTE, "maintenance", Layer.INFRA, "unattributed_downtime", "");
        Tag b = new Tag("b", T0, T0 + MINUTE, "faulty_gpu", Layer.INFRA, "preemption", "");
        MergeResult r = OverlayMerge.merge(new Overlay(List.of(a), List.of(), List.of()),
                new Overlay(List.of(b), List.of(), List.of()));
        assertEquals(List.of(), r.conflicts());
        assertEquals(List.of(a, b), r.merged().tags());
    }

    @Test
    void resolvingTakesEitherSideAndKeepsTheOrder() {
        Tag m1 = tag("m1", 10, 12, "faulty_gpu", Layer.INFRA);
        Tag m2 = tag("m2", 12, 14, "preemption", Layer.INFRA);
        Tag m3 = tag("m3", 40, 41, "maintenance", Layer.INFRA);
        Tag t = tag("m3", 11, 13, "nccl_watchdog_timeouts", Layer.FRAMEWORK); // overlaps two of mine, and reuses an id
        Rule mineRule = rule("r1", "a", "x");
        Rule theirRule = rule("r1", "b", "y");
        Overlay mine = new Overlay(List.of(m1, m2, m3), List.of(mineRule), List.of());
        MergeResult r = OverlayMerge.merge(mine, new Overlay(List.of(t), List.of(theirRule), List.of()));
        assertEquals(2, r.conflicts().size());
        Conflict tags = r.conflicts().get(0);
        assertEquals(new Conflict.Tags(List.of(m1, m2), t), tags);

        MergeResult kept = r.resolve(tags, MergeResult.Side.MINE);
        assertEquals(mine, kept.merged());
        assertEquals(List.of(r.conflicts().get(1)), kept.conflicts());

        MergeResult taken = r.resolve(tags, MergeResult.Side.THEIRS).resolve(r.conflicts().get(1),
                MergeResult.Side.THEIRS);
        assertEquals(List.of(tag("m3-theirs", 11, 13, "nccl_watchdog_timeouts", Layer.FRAMEWORK), m3),
                taken.merged().tags());
        assertEquals(List.of(theirRule), taken.merged().rules());
        assertTrue(taken.conflicts().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> taken.resolve(tags, MergeResult.Side.MINE));
    }
}
