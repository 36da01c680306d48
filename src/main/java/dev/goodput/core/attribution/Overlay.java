package dev.goodput.core.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything users add on top of the imported facts — tags, rules, fault roles — never a change to the facts
 * themselves. Immutable: each edit makes a new overlay, which is what undo keeps.
 */
public record Overlay(List<Tag> tags, List<Rule> rules, List<FaultRole> faultRoles) {
    public static final Overlay EMPTY = new Overlay(List.of(), List.of(), List.of());

    public Overlay {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        faultRoles = List.copyOf(faultRoles);
    }

    public boolean isEmpty() {
        return tags.isEmpty() && rules.isEmpty() && faultRoles.isEmpty();
    }

    public Overlay withTags(UnaryOperator<List<Tag>> change) {
        return new Overlay(change.apply(new ArrayList<>(tags)), rules, faultRoles);
    }

    public Overlay withRules(UnaryOperator<List<Rule>> change) {
        return new Overlay(tags, change.apply(new ArrayList<>(rules)), faultRoles);
    }

    public Overlay withFaultRoles(UnaryOperator<List<FaultRole>> change) {
        return new Overlay(tags, rules, change.apply(new ArrayList<>(faultRoles)));
    }
}
