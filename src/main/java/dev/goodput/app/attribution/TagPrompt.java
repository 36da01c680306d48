package dev.goodput.app.attribution;

import java.util.Optional;

/** Asks the user how to tag: a {@link TagDialog} in the app, a canned answer in tests. */
@FunctionalInterface
public interface TagPrompt {
    /** The user's answer, or empty when cancelled. */
    Optional<TagRequest> ask(TagPromptContext context);
}
