package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Overlay;

import java.util.ArrayList;
import java.util.List;

/**
 * A merge: the merged overlay (yours wherever there is a conflict) and the conflicts still to decide.
 */
public record MergeResult(Overlay merged, List<Conflict> conflicts) {
    /** Whose version a conflict keeps. */
    public enum Side { MINE, THEIRS }

    public MergeResult {
        conflicts = List.copyOf(conflicts);
    }

    /** Decides one conflict: MINE keeps the merged overlay as it is, THEIRS puts their version in place of yours. */
    public MergeResult resolve(Conflict conflict, Side side) {
        if (!conflicts.contains(conflict)) {
            throw new IllegalArgumentException("not a conflict of this merge: " + conflict.describe());
        }
        List<Conflict> left = new ArrayList<>(conflicts);
        left.remove(conflict);
        if (side == Side.MINE) {
            return new MergeResult(merged, left);
        }
        return new MergeResult(conflict.takeTheirs(merged), left);
    }
}
