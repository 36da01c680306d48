package dev.goodput.app.attribution;

import dev.goodput.core.model.Cause;

import java.util.Objects;

/**
 * What a tag prompt gives back.
 *
 * @param cause            the cause, in the layer the tag puts it (a known cause's own, or the one chosen for a
 *                         new cause)
 * @param note             free text, may be empty
 * @param onlyUnattributed re-tag only the unattributed downtime among the chosen time (for a time range)
 */
public record TagRequest(Cause cause, String note, boolean onlyUnattributed) {
    public TagRequest {
        Objects.requireNonNull(cause, "cause");
        note = note == null ? "" : note.strip();
    }
}
