package dev.goodput.testing;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceSettings;
import dev.goodput.core.workspace.WorkspaceStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A shared workspace whose one rule, {@code (a+){10}$}, backtracks without end on its run's fault message
 * ("a" × 49 + "b"): the rule budget must disable it with {@link #WARNING}, in the CLI and in the window alike.
 */
public final class RunawayRuleWorkspace {
    public static final String WARNING = "rule pattern (a+){10}$ took too long on a message of 50 characters: "
            + "disabled; simplify the pattern";

    private RunawayRuleWorkspace() {
    }

    /** Writes run.jsonl and shared.goodput into {@code dir}; returns the workspace. */
    public static Path write(Path dir) throws IOException, dev.goodput.core.io.InputException {
        String message = "a".repeat(49) + "b";
        Path run = Files.writeString(dir.resolve("run.jsonl"), """
                {"schema":1,"event":"run","name":"r","accelerators":8}
                {"event":"job_start","time":"2025-03-03T09:00:00Z","attempt":1}
                {"event":"step","step":1,"start":"2025-03-03T09:00:10Z","end":"2025-03-03T09:00:20Z"}
                {"event":"fault","time":"2025-03-03T09:00:25Z","message":"%s"}
                {"event":"job_end","time":"2025-03-03T09:00:30Z","reason":"fault"}
                {"event":"job_start","time":"2025-03-03T09:01:00Z","attempt":2}
                {"event":"step","step":2,"start":"2025-03-03T09:01:10Z","end":"2025-03-03T09:01:20Z"}
                {"event":"job_end","time":"2025-03-03T09:01:30Z","reason":"completed"}
                """.formatted(message));
        Path ws = dir.resolve("shared.goodput");
        Rule runaway = new Rule("r1", "", "(a+){10}$", null, Long.MIN_VALUE, Long.MAX_VALUE, "node_failure",
                Layer.INFRA, true);
        WorkspaceStore.save(new Workspace(List.of(InputRef.describe(run, dir)), WorkspaceSettings.defaults(),
                new Overlay(List.of(), List.of(runaway), List.of()), ""), ws);
        return ws;
    }
}
