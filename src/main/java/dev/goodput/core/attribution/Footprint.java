package dev.goodput.core.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * What an edit may re-attribute: the time ranges of the tags it adds or removes (both versions of a
 * replaced one) and the intervals matched by the rules it adds, removes or replaces. Nothing outside them
 * changes, so an edit and its undo re-attribute only these.
 */
public record Footprint(List<Tag> tags, List<Rule> rules) {
    public static final Footprint NONE = new Footprint(List.of(), List.of());

    public Footprint {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
    }

    public static Footprint of(Tag... tags) {
        return new Footprint(List.of(tags), List.of());
    }

    public static Footprint of(Rule... rules) {
        return new Footprint(List.of(), List.of(rules));
    }

    public Footprint plus(Footprint other) {
        List<Tag> t = new ArrayList<>(tags);
        t.addAll(other.tags);
        List<Rule> r = new ArrayList<>(rules);
        r.addAll(other.rules);
        return new Footprint(t, r);
    }
}
