package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Rule;

import java.util.Optional;

/**
 * Asks the user for a rule: a new one, or a change to {@link RuleEditorModel#original()}. {@link RuleDialog} asks
 * in a dialog; tests answer without one.
 */
@FunctionalInterface
public interface RulePrompt {
    /** @return the rule the user confirmed (valid, with the editor's id), or empty when they cancelled */
    Optional<Rule> ask(RuleEditorModel editor);
}
