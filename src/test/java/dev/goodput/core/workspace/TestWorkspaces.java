package dev.goodput.core.workspace;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.Layer;

import java.util.List;

/** Workspaces and edits the tests share. */
final class TestWorkspaces {
    /** 2025-03-03T09:00:00Z, the clean-small sample's start. */
    static final long T0 = 1_740_992_400_000_000L;
    static final long MINUTE = 60_000_000L;

    private TestWorkspaces() {
    }

    /** Every kind of value, with odd microseconds, a negative time and unbounded rule ranges. */
    static Workspace rich() {
        Overlay overlay = new Overlay(
                List.of(new Tag("t1", T0 + 10 * MINUTE + 1, T0 + 12 * MINUTE + 999_999, "faulty_gpu", Layer.INFRA,
                                null, "GPU 3 on node a17 — \"xid 79\"\nsecond line"),
                        new Tag("t2", -1_500_000L, 7, "preemption", Layer.INFRA, "unattributed_downtime", ""),
                        new Tag("t3", T0, T0 + MINUTE, "data_loading", Layer.FRAMEWORK, null, "ünïcödé ✓")),
                List.of(new Rule("r1", "NCCL timeouts", "NCCL.*timeout", "rank\\d+\\.log", Long.MIN_VALUE,
                                Long.MAX_VALUE, "nccl_watchdog_timeouts", Layer.FRAMEWORK, true),
                        new Rule("r2", "", null, null, T0, T0 + 3 * MINUTE + 123_456, "maintenance", Layer.INFRA,
                                false)),
                List.of(new FaultRole(new FaultRole.FaultRef("run.jsonl:120", T0 + 5 * MINUTE), FaultRole.Kind.ROOT_CAUSE,
                                null, "first"),
                        new FaultRole(new FaultRole.FaultRef("run.jsonl:121", T0 + 5 * MINUTE + 3),
                                FaultRole.Kind.CASCADE, new FaultRole.FaultRef("run.jsonl:120", T0 + 5 * MINUTE), ""),
                        new FaultRole(new FaultRole.FaultRef("other.csv:9", T0 + 9 * MINUTE), FaultRole.Kind.TEARDOWN,
                                null, null)));
        WorkspaceSettings settings = WorkspaceSettings.defaults()
                .withWindow(new Window(T0 + 17, T0 + 36 * MINUTE + 33_758_136L))
                .withFlopConvention(FlopConvention.PALM).withPeakOverride(9.89e14).withEvalProductive(false)
                .withWarmupSteps(5);
        return new Workspace(List.of(new InputRef("run.jsonl", 77615, "ab".repeat(32)),
                new InputRef("/data/runs/other file.csv", 0, "0123456789abcdef".repeat(4))), settings, overlay,
                "Post-mortem of the March run.\nOwner: infra team.");
    }

    /** Edit {@code n} of a session: one more tag, with a note long enough to make writes take a moment. */
    static Tag edit(int n) {
        return new Tag("e" + n, T0 + n * MINUTE, T0 + n * MINUTE + 30_000_001L, n % 2 == 0 ? "faulty_gpu" : "network",
                Layer.INFRA, null, "edit " + n + " " + "x".repeat(400));
    }

    static Workspace withEdit(Workspace ws, int n) {
        return ws.withOverlay(ws.overlay().withTags(tags -> {
            tags.add(edit(n));
            return tags;
        }));
    }
}
