package dev.goodput.core.attribution;

/**
 * Who gave a piece of the attributed partition its state: the importer (the derivation from the input
 * files), a rule, or a user's tag.
 */
public sealed interface Assignment permits Assignment.Importer, Assignment.ByRule, Assignment.ByUser {
    Importer IMPORTER = new Importer();

    /** As derived from the input: no rule or tag applies. */
    record Importer() implements Assignment {
    }

    /** By the rule with this id. */
    record ByRule(String ruleId) implements Assignment {
    }

    /** By the user, through the tag with this id. */
    record ByUser(String tagId) implements Assignment {
    }
}
