package dev.goodput.core.workspace;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a teammate's attributions into yours. What both say is kept once (notes aside: yours are kept);
 * what only one says is kept; what they say differently is a {@link Conflict}, for which yours is kept until the
 * user chooses. Yours come first and theirs after, so the order that decides overlaps (later tags and rules win)
 * never lets theirs override yours unasked.
 *
 * <p>Tags conflict when their ranges overlap with a different cause or layer (unless their {@code onlyCause}
 * filters keep them apart); rules when one id has different content; fault roles when one fault has a
 * different role. Rules with different ids are never compared: whether two patterns match the same message is
 * not decidable in general.
 */
public final class OverlayMerge {
    private OverlayMerge() {
    }

    public static MergeResult merge(Overlay mine, Overlay theirs) {
        List<Conflict> conflicts = new ArrayList<>();
        List<Tag> tags = mergeTags(mine.tags(), theirs.tags(), conflicts);
        List<Rule> rules = mergeRules(mine.rules(), theirs.rules(), conflicts);
        List<FaultRole> roles = mergeFaultRoles(mine.faultRoles(), theirs.faultRoles(), conflicts);
        return new MergeResult(new Overlay(tags, rules, roles), conflicts);
    }

    private static List<Tag> mergeTags(List<Tag> mine, List<Tag> theirs, List<Conflict> conflicts) {
        List<Tag> out = new ArrayList<>(mine);
        Set<String> ids = new HashSet<>();
        mine.forEach(t -> ids.add(t.id()));
        for (Tag t : theirs) {
            if (mine.stream().anyMatch(m -> sameAttribution(m, t))) {
                continue;
            }
            List<Tag> against = mine.stream().filter(m -> contradicts(m, t)).toList();
            if (!against.isEmpty()) {
                conflicts.add(new Conflict.Tags(against, t));
                continue;
            }
            Tag added = withFreshId(t, ids);
            ids.add(added.id());
            out.add(added);
        }
        return out;
    }

    /** The same re-attribution, whoever made it (ids differ when two people tagged alike). */
    static boolean sameAttribution(Tag a, Tag b) {
        return a.startUs() == b.startUs() && a.endUs() == b.endUs() && a.cause().equals(b.cause())
                && a.layer() == b.layer() && Objects.equals(a.onlyCause(), b.onlyCause());
    }

    /** Both re-attribute some of the same lost time, differently. */
    private static boolean contradicts(Tag a, Tag b) {
        boolean overlap = a.startUs() < b.endUs() && b.startUs() < a.endUs();
        // Two tags limited to different current causes touch different time even where their ranges overlap.
        boolean sameTime = a.onlyCause() == null || b.onlyCause() == null || a.onlyCause().equals(b.onlyCause());
        return overlap && sameTime && (!a.cause().equals(b.cause()) || a.layer() != b.layer());
    }

    /** Their tag, renamed when one of yours has its id (two files grown from one, or a v1 migration's ids). */
    static Tag withFreshId(Tag t, Set<String> taken) {
        if (!taken.contains(t.id())) {
            return t;
        }
        String id = t.id() + "-theirs";
        for (int n = 2; taken.contains(id); n++) {
            id = t.id() + "-theirs-" + n;
        }
        return new Tag(id, t.startUs(), t.endUs(), t.cause(), t.layer(), t.onlyCause(), t.note());
    }

    private static List<Rule> mergeRules(List<Rule> mine, List<Rule> theirs, List<Conflict> conflicts) {
        List<Rule> out = new ArrayList<>(mine);
        for (Rule r : theirs) {
            Rule sameId = mine.stream().filter(m -> m.id().equals(r.id())).findFirst().orElse(null);
            if (sameId != null) {
                if (!sameContent(sameId, r)) {
                    conflicts.add(new Conflict.Rules(sameId, r));
                }
            } else if (mine.stream().noneMatch(m -> sameContent(m, r))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Everything that decides what a rule does; its name is a label. */
    private static boolean sameContent(Rule a, Rule b) {
        return Objects.equals(a.messagePattern(), b.messagePattern())
                && Objects.equals(a.sourcePattern(), b.sourcePattern()) && a.fromUs() == b.fromUs()
                && a.toUs() == b.toUs() && a.cause().equals(b.cause()) && a.layer() == b.layer()
                && a.enabled() == b.enabled();
    }

    private static List<FaultRole> mergeFaultRoles(List<FaultRole> mine, List<FaultRole> theirs,
                                                   List<Conflict> conflicts) {
        List<FaultRole> out = new ArrayList<>(mine);
        for (FaultRole f : theirs) {
            FaultRole same = mine.stream().filter(m -> m.fault().equals(f.fault())).findFirst().orElse(null);
            if (same == null) {
                out.add(f);
            } else if (same.kind() != f.kind() || !Objects.equals(same.root(), f.root())) {
                conflicts.add(new Conflict.FaultRoles(same, f));
            }
        }
        return out;
    }
}
