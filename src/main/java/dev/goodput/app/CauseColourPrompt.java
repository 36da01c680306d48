package dev.goodput.app;

import java.util.Optional;

/** Asks the user for a cause's colour: a {@link CauseColourDialog} in the app, a canned answer in tests. */
@FunctionalInterface
public interface CauseColourPrompt {
    /**
     * @param cause   the cause's name, as the charts say it
     * @param current the colour it is drawn in now (opaque ARGB)
     * @return the colour chosen (opaque ARGB), or empty when cancelled
     */
    Optional<Integer> ask(String cause, int current);
}
