package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Overlay;

import java.nio.file.Path;
import java.util.List;

/**
 * A saved analysis: the inputs it was made from (by reference), the derivation settings, the user's attribution
 * overlay (tags, rules, fault roles) and free notes. Immutable; each edit makes a new workspace.
 */
public record Workspace(List<InputRef> inputs, WorkspaceSettings settings, Overlay overlay, String notes) {
    public static final Workspace EMPTY = new Workspace(List.of(), WorkspaceSettings.defaults(), Overlay.EMPTY, "");

    public Workspace {
        inputs = List.copyOf(inputs);
        if (settings == null || overlay == null) {
            throw new IllegalArgumentException("a workspace needs settings and an overlay (use the defaults)");
        }
        notes = notes == null ? "" : notes;
    }

    public Workspace withInputs(List<InputRef> in) {
        return new Workspace(in, settings, overlay, notes);
    }

    public Workspace withSettings(WorkspaceSettings s) {
        return new Workspace(inputs, s, overlay, notes);
    }

    public Workspace withOverlay(Overlay o) {
        return new Workspace(inputs, settings, o, notes);
    }

    /** The input files, for a workspace file in {@code folder} (null: untitled). */
    public List<Path> inputPaths(Path folder) {
        return inputs.stream().map(i -> i.resolve(folder)).toList();
    }

    /** This workspace as saved in {@code to} instead of {@code from} (null: untitled), naming the same inputs. */
    public Workspace rebase(Path from, Path to) {
        return withInputs(inputs.stream().map(i -> i.rebase(from, to)).toList());
    }
}
