package dev.goodput.core.attribution;

import dev.goodput.core.model.Layer;

/**
 * A user's attribution of lost time: every lost interval (or part of one) inside [startUs, endUs) gets
 * {@code cause} in {@code layer}. A time range, not an interval index, so a tag still applies when the
 * window changes, when the input is reloaded, and to part of an interval (a split is two tags). Later tags
 * win over earlier ones where they overlap; productive time is never re-labelled.
 *
 * @param id         stable identity (for undo, merge and the workspace file)
 * @param onlyCause  when not null, only lost time whose current cause id is this one is re-tagged (e.g.
 *                   "tag the unattributed downtime in this range"); null re-tags all lost time in the range
 * @param note       free text, may be empty
 */
public record Tag(String id, long startUs, long endUs, String cause, Layer layer, String onlyCause, String note) {
    public Tag {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a tag needs an id");
        }
        if (endUs <= startUs) {
            throw new IllegalArgumentException("a tag's range must not be empty: " + startUs + " .. " + endUs);
        }
        if (cause == null || cause.isBlank() || layer == null) {
            throw new IllegalArgumentException("a tag needs a cause and a layer");
        }
        note = note == null ? "" : note;
    }
}
