package dev.goodput.core.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One undoable edit from one overlay to another, e.g. to take in a teammate's attributions after a merge: the tags,
 * rules and fault roles that differ are removed, added or replaced, so the re-attribution stays incremental.
 */
public final class OverlayChange {
    private OverlayChange() {
    }

    /** An edit that turns {@code before} into exactly {@code after}, undone as one step. */
    public static Edit between(Overlay before, Overlay after, String label) {
        Edit.Batch precise = new Edit.Batch(label, differences(before, after));
        if (precise.apply(before).after().equals(after)) {
            return precise;
        }
        // The order of tags or rules differs (it sets precedence where they overlap): replace them all.
        return new Edit.Batch(label, wholesale(before, after));
    }

    private static List<Edit> differences(Overlay before, Overlay after) {
        List<Edit> edits = new ArrayList<>();
        Map<String, Tag> oldTags = byId(before.tags(), Tag::id);
        Map<String, Tag> newTags = byId(after.tags(), Tag::id);
        oldTags.keySet().stream().filter(id -> !newTags.containsKey(id)).forEach(id -> edits.add(new Edit.RemoveTag(id)));
        for (Tag t : after.tags()) {
            Tag old = oldTags.get(t.id());
            if (old == null) {
                edits.add(new Edit.AddTag(t));
            } else if (!old.equals(t)) {
                edits.add(new Edit.ReplaceTag(t));
            }
        }
        Map<String, Rule> oldRules = byId(before.rules(), Rule::id);
        Map<String, Rule> newRules = byId(after.rules(), Rule::id);
        oldRules.keySet().stream().filter(id -> !newRules.containsKey(id))
                .forEach(id -> edits.add(new Edit.RemoveRule(id)));
        for (Rule r : after.rules()) {
            Rule old = oldRules.get(r.id());
            if (old == null) {
                edits.add(new Edit.AddRule(r));
            } else if (!old.equals(r)) {
                edits.add(new Edit.ReplaceRule(r));
            }
        }
        roles(before, after, edits);
        return edits;
    }

    private static List<Edit> wholesale(Overlay before, Overlay after) {
        List<Edit> edits = new ArrayList<>();
        before.tags().forEach(t -> edits.add(new Edit.RemoveTag(t.id())));
        after.tags().forEach(t -> edits.add(new Edit.AddTag(t)));
        before.rules().forEach(r -> edits.add(new Edit.RemoveRule(r.id())));
        after.rules().forEach(r -> edits.add(new Edit.AddRule(r)));
        before.faultRoles().forEach(r -> edits.add(new Edit.ClearFaultRole(r.fault())));
        after.faultRoles().forEach(r -> edits.add(new Edit.SetFaultRole(r)));
        return edits;
    }

    private static void roles(Overlay before, Overlay after, List<Edit> edits) {
        Map<FaultRole.FaultRef, FaultRole> old = byId(before.faultRoles(), FaultRole::fault);
        Map<FaultRole.FaultRef, FaultRole> now = byId(after.faultRoles(), FaultRole::fault);
        old.keySet().stream().filter(f -> !now.containsKey(f)).forEach(f -> edits.add(new Edit.ClearFaultRole(f)));
        for (FaultRole r : after.faultRoles()) {
            if (!r.equals(old.get(r.fault()))) {
                edits.add(new Edit.SetFaultRole(r));
            }
        }
    }

    private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> id) {
        return values.stream().collect(Collectors.toMap(id, v -> v, (a, b) -> b, java.util.LinkedHashMap::new));
    }
}
