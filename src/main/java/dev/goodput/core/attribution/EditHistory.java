package dev.goodput.core.attribution;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Unlimited undo and redo of the edits to one attribution in a session. Each step keeps the overlays
 * before and after (immutable, sharing their tags and rules) and the edit's footprint, so applying,
 * undoing and redoing are all incremental re-attributions of that footprint. A new edit clears redo.
 */
public final class EditHistory {
    private record Step(Edit edit, Overlay before, Overlay after, Footprint footprint) {
    }

    private IncrementalAttribution attribution;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();

    public EditHistory(IncrementalAttribution attribution) {
        this.attribution = attribution;
    }

    public IncrementalAttribution attribution() {
        return attribution;
    }

    /**
     * Carries the history over to a new derivation of the same overlay (another window, files reloaded or
     * added): the steps hold overlays and footprints, not intervals, so they undo and redo there too.
     */
    public void rebase(IncrementalAttribution next) {
        if (!next.overlay().equals(attribution.overlay())) {
            throw new IllegalArgumentException("the new attribution must start from the current overlay");
        }
        attribution = next;
    }

    /** @throws IllegalArgumentException when the edit does not apply; nothing changes then */
    public void apply(Edit edit) {
        Overlay before = attribution.overlay();
        Edit.Change c = edit.apply(before);
        attribution.apply(c.after(), c.footprint());
        undo.push(new Step(edit, before, c.after(), c.footprint()));
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What Undo would undo, e.g. "Tag as Faulty GPU". */
    public Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(s -> s.edit().label());
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(s -> s.edit().label());
    }

    public void undo() {
        Step s = pop(undo, "undo");
        attribution.apply(s.before(), s.footprint());
        redo.push(s);
    }

    public void redo() {
        Step s = pop(redo, "redo");
        attribution.apply(s.after(), s.footprint());
        undo.push(s);
    }

    private Step pop(Deque<Step> steps, String what) {
        Step s = steps.peek();
        if (s == null) {
            throw new IllegalStateException("nothing to " + what);
        }
        Overlay expected = steps == undo ? s.after() : s.before();
        if (!attribution.overlay().equals(expected)) {
            throw new IllegalStateException("the overlay was changed outside this history; cannot " + what);
        }
        return steps.pop();
    }
}
