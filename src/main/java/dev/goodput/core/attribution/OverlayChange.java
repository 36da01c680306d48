package dev.goodput.core.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        diff(before.tags(), after.tags(), Tag::id, Edit.RemoveTag::new, Edit.AddTag::new, Edit.ReplaceTag::new, edits);
        diff(before.rules(), after.rules(), Rule::id, Edit.RemoveRule::new, Edit.AddRule::new, Edit.ReplaceRule::new,
                edits);
        // Setting a role replaces the fault's old one, so adding and replacing are the same edit.
        diff(before.faultRoles(), after.faultRoles(), FaultRole::fault, Edit.ClearFaultRole::new,
                Edit.SetFaultRole::new, Edit.SetFaultRole::new, edits);
        return edits;
    }

    /** Removes what only {@code before} has (by id), then adds or replaces what {@code after} has anew. */
    private static <K, V> void diff(List<V> before, List<V> after, Function<V, K> id, Function<K, Edit> remove,
                                    Function<V, Edit> add, Function<V, Edit> replace, List<Edit> edits) {
        Map<K, V> old = byId(before, id);
        Map<K, V> now = byId(after, id);
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> edits.add(remove.apply(k)));
        for (V v : after) {
            V was = old.get(id.apply(v));
            if (was == null) {
                edits.add(add.apply(v));
            } else if (!was.equals(v)) {
                edits.add(replace.apply(v));
            }
        }
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

    private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> id) {
        return values.stream().collect(Collectors.toMap(id, v -> v, (a, b) -> b, LinkedHashMap::new));
    }
}
