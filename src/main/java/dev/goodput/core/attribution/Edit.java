package dev.goodput.core.attribution;

import dev.goodput.core.model.CauseCatalog;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One undoable change to an overlay. {@link #apply} gives the new overlay and the {@link Footprint} of
 * what it may re-attribute, so the attribution is updated incrementally and undo re-applies the old
 * overlay over the same footprint.
 */
public sealed interface Edit permits Edit.AddTag, Edit.RemoveTag, Edit.ReplaceTag, Edit.AddRule, Edit.RemoveRule,
        Edit.ReplaceRule, Edit.SetFaultRole, Edit.ClearFaultRole, Edit.Batch {

    /** The overlay after an edit, and what the edit may re-attribute. */
    record Change(Overlay after, Footprint footprint) {
    }

    /** @throws IllegalArgumentException when the edit does not apply to {@code before} (unknown or taken id) */
    Change apply(Overlay before);

    /** What Undo / Redo say, e.g. "Tag as Faulty GPU". */
    String label();

    /** Adds a tag on top of the others (it wins where it overlaps them). */
    record AddTag(Tag tag) implements Edit {
        @Override
        public Change apply(Overlay before) {
            requireAbsent(before.tags(), t -> t.id().equals(tag.id()), "tag " + tag.id());
            return new Change(before.withTags(ts -> append(ts, tag)), Footprint.of(tag));
        }

        @Override
        public String label() {
            return "Tag as " + CauseCatalog.labelFor(tag.cause());
        }
    }

    record RemoveTag(String tagId) implements Edit {
        @Override
        public Change apply(Overlay before) {
            Tag old = before.tags().get(indexOf(before.tags(), t -> t.id().equals(tagId), "tag " + tagId));
            return new Change(before.withTags(ts -> without(ts, old)), Footprint.of(old));
        }

        @Override
        public String label() {
            return "Remove tag";
        }
    }

    /** Replaces the tag with the same id in place (same precedence). */
    record ReplaceTag(Tag tag) implements Edit {
        @Override
        public Change apply(Overlay before) {
            int at = indexOf(before.tags(), t -> t.id().equals(tag.id()), "tag " + tag.id());
            Tag old = before.tags().get(at);
            return new Change(before.withTags(ts -> replaced(ts, at, tag)), Footprint.of(old, tag));
        }

        @Override
        public String label() {
            return "Re-tag as " + CauseCatalog.labelFor(tag.cause());
        }
    }

    /** Adds a rule after the others (it wins over them where both apply). */
    record AddRule(Rule rule) implements Edit {
        @Override
        public Change apply(Overlay before) {
            requireAbsent(before.rules(), r -> r.id().equals(rule.id()), "rule " + rule.id());
            requireCompiles(rule);
            return new Change(before.withRules(rs -> append(rs, rule)), Footprint.of(rule));
        }

        @Override
        public String label() {
            return "Add rule " + rule.name();
        }
    }

    record RemoveRule(String ruleId) implements Edit {
        @Override
        public Change apply(Overlay before) {
            Rule old = before.rules().get(indexOf(before.rules(), r -> r.id().equals(ruleId), "rule " + ruleId));
            return new Change(before.withRules(rs -> without(rs, old)), Footprint.of(old));
        }

        @Override
        public String label() {
            return "Remove rule";
        }
    }

    /** Replaces the rule with the same id in place: a changed pattern, range or cause, or enabling it. */
    record ReplaceRule(Rule rule) implements Edit {
        @Override
        public Change apply(Overlay before) {
            int at = indexOf(before.rules(), r -> r.id().equals(rule.id()), "rule " + rule.id());
            requireCompiles(rule);
            Rule old = before.rules().get(at);
            return new Change(before.withRules(rs -> replaced(rs, at, rule)), Footprint.of(old, rule));
        }

        @Override
        public String label() {
            return "Edit rule " + rule.name();
        }
    }

    /** Sets a fault's role, replacing any role it had. Roles annotate faults; they re-attribute no time. */
    record SetFaultRole(FaultRole role) implements Edit {
        @Override
        public Change apply(Overlay before) {
            return new Change(before.withFaultRoles(rs -> {
                rs.removeIf(r -> r.fault().equals(role.fault()));
                rs.add(role);
                return rs;
            }), Footprint.NONE);
        }

        @Override
        public String label() {
            return "Mark fault as " + role.kind().label();
        }
    }

    record ClearFaultRole(FaultRole.FaultRef fault) implements Edit {
        @Override
        public Change apply(Overlay before) {
            int at = indexOf(before.faultRoles(), r -> r.fault().equals(fault), "role of fault " + fault);
            return new Change(before.withFaultRoles(rs -> {
                rs.remove(at);
                return rs;
            }), Footprint.NONE);
        }

        @Override
        public String label() {
            return "Clear fault role";
        }
    }

    /** Several edits as one undo step: bulk tagging, a split, a merge. Applied in order. */
    record Batch(String label, List<Edit> edits) implements Edit {
        public Batch {
            edits = List.copyOf(edits);
        }

        @Override
        public Change apply(Overlay before) {
            Overlay o = before;
            Footprint f = Footprint.NONE;
            for (Edit e : edits) {
                Change c = e.apply(o);
                o = c.after();
                f = f.plus(c.footprint());
            }
            return new Change(o, f);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        list.add(item);
        return list;
    }

    private static <T> List<T> without(List<T> list, T item) {
        list.remove(item);
        return list;
    }

    private static <T> List<T> replaced(List<T> list, int at, T item) {
        list.set(at, item);
        return list;
    }

    private static <T> int indexOf(List<T> list, Predicate<T> wanted, String what) {
        for (int i = 0; i < list.size(); i++) {
            if (wanted.test(list.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + what);
    }

    private static <T> void requireAbsent(List<T> list, Predicate<T> same, String what) {
        if (list.stream().anyMatch(same)) {
            throw new IllegalArgumentException(what + " exists already");
        }
    }

    /** A rule whose pattern does not compile is refused here, with the reason, rather than match nothing. */
    private static void requireCompiles(Rule r) {
        // PatternSyntaxException is an IllegalArgumentException, and says where the pattern is wrong.
        if (r.messagePattern() != null) {
            Pattern.compile(r.messagePattern());
        }
        if (r.sourcePattern() != null) {
            Pattern.compile(r.sourcePattern());
        }
    }
}
