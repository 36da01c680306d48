package dev.goodput.app.attribution;

import java.util.Optional;

/** Asks where to split a lost interval: the time as typed ("HH:mm:ss" UTC or a full date), or empty if cancelled. */
@FunctionalInterface
public interface SplitPrompt {
    Optional<String> ask(AttributionRow row);
}
