package dev.goodput.app.attribution;

import dev.goodput.core.model.Cause;

import java.util.Objects;

/**
 * What a tag prompt shows.
 *
 * @param title        e.g. "Tag 3 intervals" or "Tag 12:00:00 → 13:10:00 UTC"
 * @param choices      the causes offered
 * @param range        whether a time range is tagged (then "Only unattributed downtime" is offered)
 * @param initialCause the cause filled in at first, or null for an empty field
 * @param initialNote  the note filled in at first; may be empty
 */
public record TagPromptContext(String title, CauseChoices choices, boolean range, Cause initialCause,
                               String initialNote) {
    public TagPromptContext {
        Objects.requireNonNull(choices, "choices");
        title = title == null ? "" : title;
        initialNote = initialNote == null ? "" : initialNote;
    }

    public TagPromptContext(String title, CauseChoices choices, boolean range, Cause initialCause) {
        this(title, choices, range, initialCause, "");
    }
}
