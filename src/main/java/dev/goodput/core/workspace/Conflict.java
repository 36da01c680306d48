package dev.goodput.core.workspace;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.report.HumanFormat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something two overlays say differently, left for the user: the merge keeps "yours" until they choose (see
 * {@link MergeResult#resolve}). Each says where it is and what each side says, e.g.
 * "2025-03-03 09:10:00–09:12:00 UTC: yours faulty_gpu (infra) vs theirs nccl_watchdog_timeouts (framework)".
 */
public sealed interface Conflict {
    /** Where on the timeline it is, to show it or jump to it. */
    long startUs();

    String describe();

    /** The merged overlay with their version in place of yours (what choosing "theirs" does). */
    Overlay takeTheirs(Overlay merged);

    /**
     * Their tag re-attributes time that your tags (one or more) attribute to another cause or layer. Resolved
     * together: theirs replaces all of {@code mine}, or {@code theirs} is dropped.
     */
    record Tags(List<Tag> mine, Tag theirs) implements Conflict {
        public Tags {
            mine = List.copyOf(mine);
        }

        @Override
        public long startUs() {
            return Math.max(theirs.startUs(), mine.stream().mapToLong(Tag::startUs).min().orElseThrow());
        }

        @Override
        public String describe() {
            long end = Math.min(theirs.endUs(), mine.stream().mapToLong(Tag::endUs).max().orElseThrow());
            boolean sameRange = mine.size() == 1 && mine.get(0).startUs() == theirs.startUs()
                    && mine.get(0).endUs() == theirs.endUs();
            String yours = mine.stream().map(t -> cause(t, sameRange)).collect(Collectors.joining(", "));
            return HumanFormat.clockRange(startUs(), end, "–") + ": yours " + yours + " vs theirs " + cause(theirs, sameRange);
        }

        /**
         * Theirs goes where the first of yours was, and the rest of yours go: the tag keeps its place in the order
         * that decides overlaps.
         */
        @Override
        public Overlay takeTheirs(Overlay merged) {
            Set<String> replaced = mine.stream().map(Tag::id).collect(Collectors.toSet());
            return merged.withTags(tags -> {
                int at = tags.size();
                for (int i = tags.size() - 1; i >= 0; i--) {
                    if (replaced.contains(tags.get(i).id())) {
                        tags.remove(i);
                        at = i;
                    }
                }
                if (tags.stream().noneMatch(t -> OverlayMerge.sameAttribution(t, theirs))) {
                    Set<String> ids = tags.stream().map(Tag::id).collect(Collectors.toSet());
                    tags.add(Math.min(at, tags.size()), OverlayMerge.withFreshId(theirs, ids));
                }
                return tags;
            });
        }

        private static String cause(Tag t, boolean sameRange) {
            return t.cause() + " (" + t.layer().id() + ")" + (sameRange ? ""
                    : " over " + HumanFormat.clockRange(t.startUs(), t.endUs(), "–"));
        }
    }

    /** One rule id, different content. */
    record Rules(Rule mine, Rule theirs) implements Conflict {
        @Override
        public long startUs() {
            return mine.fromUs();
        }

        @Override
        public String describe() {
            return "rule " + mine.id() + (mine.name().isEmpty() ? "" : " \"" + mine.name() + "\"") + ": yours "
                    + text(mine) + " vs theirs " + text(theirs);
        }

        @Override
        public Overlay takeTheirs(Overlay merged) {
            return merged.withRules(rules -> replace(rules, mine, theirs));
        }

        private static String text(Rule r) {
            StringBuilder sb = new StringBuilder();
            sb.append(r.messagePattern() == null ? "any message" : "/" + r.messagePattern() + "/");
            if (r.sourcePattern() != null) {
                sb.append(" in /").append(r.sourcePattern()).append('/');
            }
            if (r.fromUs() != Long.MIN_VALUE || r.toUs() != Long.MAX_VALUE) {
                sb.append(" from ").append(r.fromUs() == Long.MIN_VALUE ? "the start" : HumanFormat.clock(r.fromUs()))
                        .append(" to ").append(r.toUs() == Long.MAX_VALUE ? "the end" : HumanFormat.clock(r.toUs()));
            }
            sb.append(" → ").append(r.cause()).append(" (").append(r.layer().id()).append(')');
            return r.enabled() ? sb.toString() : sb + ", disabled";
        }
    }

    /** One fault, different roles. */
    record FaultRoles(FaultRole mine, FaultRole theirs) implements Conflict {
        @Override
        public long startUs() {
            return mine.fault().timeUs();
        }

        @Override
        public String describe() {
            return "fault " + ref(mine.fault()) + ": yours " + role(mine) + " vs theirs " + role(theirs);
        }

        @Override
        public Overlay takeTheirs(Overlay merged) {
            return merged.withFaultRoles(roles -> replace(roles, mine, theirs));
        }

        private static String role(FaultRole f) {
            return f.kind() == FaultRole.Kind.CASCADE ? "cascade of " + ref(f.root()) : f.kind().label();
        }

        private static String ref(FaultRole.FaultRef r) {
            return r.source() + " at " + HumanFormat.clock(r.timeUs());
        }
    }

    private static <T> List<T> replace(List<T> items, T mine, T theirs) {
        int i = items.indexOf(mine);
        if (i >= 0) {
            items.set(i, theirs);
        }
        return items;
    }
}
