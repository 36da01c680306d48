package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.MergeResult;

import java.util.Optional;

/**
 * Asks the user to settle a merge's conflicts. {@link ConflictDialog} asks in a dialog; tests answer without one.
 * A merge without conflicts needs no asking: its merged overlay is the result.
 */
@FunctionalInterface
public interface MergePrompt {
    /** @return the overlay with every conflict settled, or empty when the user cancelled the import */
    Optional<Overlay> ask(MergeResult result);
}
