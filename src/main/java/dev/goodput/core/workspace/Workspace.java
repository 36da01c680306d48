package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Overlay;

import java.nio.file.Path;
import java.util.List;

/**
 * A saved analysis: the inputs it was made from (by reference), the derivation settings, the user's attribution
 * overlay (tags, rules, fault roles), free notes and the cause colours chosen or given. Immutable; each edit makes a
 * new workspace.
 */
public record Workspace(List<InputRef> inputs, WorkspaceSettings settings, Overlay overlay, String notes,
                        CauseColourChoices colours) {
    public static final Workspace EMPTY = new Workspace(List.of(), WorkspaceSettings.defaults(), Overlay.EMPTY, "");

    public Workspace {
        inputs = List.copyOf(inputs);
        if (settings == null || overlay == null) {
            throw new IllegalArgumentException("a workspace needs settings and an overlay (use the defaults)");
        }
        notes = notes == null ? "" : notes;
        colours = colours == null ? CauseColourChoices.EMPTY : colours;
    }

    /** A workspace with no cause colours of its own. */
    public Workspace(List<InputRef> inputs, WorkspaceSettings settings, Overlay overlay, String notes) {
        this(inputs, settings, overlay, notes, CauseColourChoices.EMPTY);
    }

    public Workspace withInputs(List<InputRef> in) {
        return new Workspace(in, settings, overlay, notes, colours);
    }

    public Workspace withSettings(WorkspaceSettings s) {
        return new Workspace(inputs, s, overlay, notes, colours);
    }

    public Workspace withOverlay(Overlay o) {
        return new Workspace(inputs, settings, o, notes, colours);
    }

    public Workspace withColours(CauseColourChoices c) {
        return new Workspace(inputs, settings, overlay, notes, c);
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
