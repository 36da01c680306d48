package dev.goodput.chart.timeline;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.ResolvedAttempt;
import dev.goodput.core.model.FaultEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each fault's place among roots and cascades: the derivation's links (docs/derivation.md, "Roots and cascades"),
 * overridden fault by fault by the roles an analyst set in the attribution editor. The timeline draws them, its
 * hover and the attribution table say them, so all three agree.
 */
public final class FaultLinks {
    /** What a fault is to the failures around it. */
    public enum Kind {
        /** The earliest fault of a failure's window: it gets the downtime. */
        ROOT,
        /** Another fault of a window: listed under its root, costing nothing of its own. */
        CASCADE,
        /** Part of a job's teardown (only an analyst says so). */
        TEARDOWN,
        /** In no failure's window (an error the job survived, say): shown, costs nothing. */
        UNLINKED
    }

    /**
     * One fault's link.
     *
     * @param root      for a cascade, its root when the run holds it; else null
     * @param rootRef   for a cascade, its root by record and time (set even when the run does not hold it)
     * @param cascades  for a root, its cascades in time order; else empty
     * @param byAnalyst whether an analyst's fault role decided the kind (else the derivation did)
     */
    public record Link(FaultEvent fault, Kind kind, FaultEvent root, FaultRole.FaultRef rootRef,
                       List<FaultEvent> cascades, boolean byAnalyst) {
        public Link {
            cascades = List.copyOf(cascades);
        }

        public boolean isRoot() {
            return kind == Kind.ROOT;
        }

        /** Whether the fault costs nothing of its own: every kind but the root. */
        public boolean costsNothing() {
            return kind != Kind.ROOT;
        }
    }

    private final List<FaultEvent> faults;
    private final Map<FaultRole.FaultRef, Link> links;

    private FaultLinks(List<FaultEvent> faults, Map<FaultRole.FaultRef, Link> links) {
        this.faults = faults;
        this.links = links;
    }

    /** The derivation's links alone. */
    public static FaultLinks of(Derivation d) {
        return of(d, List.of());
    }

    /** The derivation's links, a fault's role (when an analyst set one) overriding its own. */
    public static FaultLinks of(Derivation d, Collection<FaultRole> roles) {
        List<FaultEvent> faults = d.run().faults().stream().sorted(Comparator.comparingLong(FaultEvent::timeUs))
                .toList();
        Map<FaultRole.FaultRef, FaultEvent> byRef = new HashMap<>();
        faults.forEach(f -> byRef.put(refOf(f), f));
        Map<FaultRole.FaultRef, FaultEvent> derivedRootOf = new HashMap<>();
        Map<FaultRole.FaultRef, Boolean> derivedRoot = new HashMap<>();
        for (ResolvedAttempt a : d.attempts()) {
            if (a.root() != null) {
                derivedRoot.put(refOf(a.root()), true);
                a.cascades().forEach(c -> derivedRootOf.put(refOf(c), a.root()));
            }
        }
        Map<FaultRole.FaultRef, FaultRole> roleOf = new HashMap<>();
        roles.forEach(r -> roleOf.put(r.fault(), r));

        Map<FaultRole.FaultRef, Kind> kinds = new LinkedHashMap<>();
        Map<FaultRole.FaultRef, FaultRole.FaultRef> rootRefs = new HashMap<>();
        for (FaultEvent f : faults) {
            FaultRole.FaultRef ref = refOf(f);
            FaultRole role = roleOf.get(ref);
            if (role != null) {
                kinds.put(ref, kindOf(role.kind()));
                if (role.kind() == FaultRole.Kind.CASCADE) {
                    rootRefs.put(ref, role.root());
                }
            } else if (derivedRootOf.containsKey(ref)) {
                kinds.put(ref, Kind.CASCADE);
                rootRefs.put(ref, refOf(derivedRootOf.get(ref)));
            } else {
                kinds.put(ref, derivedRoot.containsKey(ref) ? Kind.ROOT : Kind.UNLINKED);
            }
        }
        Map<FaultRole.FaultRef, List<FaultEvent>> cascades = new HashMap<>();
        for (FaultEvent f : faults) {
            FaultRole.FaultRef root = rootRefs.get(refOf(f));
            if (root != null && byRef.containsKey(root)) {
                cascades.computeIfAbsent(root, k -> new ArrayList<>()).add(f);
                // A fault an analyst linked cascades to, with no link of its own, is their root.
                kinds.computeIfPresent(root, (k, kind) -> kind == Kind.UNLINKED ? Kind.ROOT : kind);
            }
        }
        Map<FaultRole.FaultRef, Link> links = new HashMap<>();
        for (FaultEvent f : faults) {
            FaultRole.FaultRef ref = refOf(f);
            FaultRole.FaultRef rootRef = rootRefs.get(ref);
            links.put(ref, new Link(f, kinds.get(ref), rootRef == null ? null : byRef.get(rootRef), rootRef,
                    cascades.getOrDefault(ref, List.of()), roleOf.containsKey(ref)));
        }
        return new FaultLinks(faults, links);
    }

    private static Kind kindOf(FaultRole.Kind role) {
        return switch (role) {
            case ROOT_CAUSE -> Kind.ROOT;
            case CASCADE -> Kind.CASCADE;
            case TEARDOWN -> Kind.TEARDOWN;
        };
    }

    /** How roles refer to a fault: its record's {@code file:line} and its time. */
    public static FaultRole.FaultRef refOf(FaultEvent f) {
        return new FaultRole.FaultRef(f.source() == null ? "" : f.source().toString(), f.timeUs());
    }

    /** Whether an analyst's role decided any fault's link. */
    public boolean byAnalyst() {
        return links.values().stream().anyMatch(Link::byAnalyst);
    }

    /** The run's faults, in time order. */
    public List<FaultEvent> faults() {
        return faults;
    }

    /** The link of one of the run's faults; an unknown fault is unlinked. */
    public Link of(FaultEvent f) {
        Link l = links.get(refOf(f));
        return l != null ? l : new Link(f, Kind.UNLINKED, null, null, List.of(), false);
    }

    /** The fault nearest {@code t} within {@code slackUs} (the earlier of two as near), or null. */
    public FaultEvent nearest(long t, long slackUs) {
        FaultEvent best = null;
        for (FaultEvent f : faults) {
            long off = Math.abs(f.timeUs() - t);
            if (off <= slackUs && (best == null || off < Math.abs(best.timeUs() - t))) {
                best = f;
            }
        }
        return best;
    }

    /** How many faults lie within {@code slackUs} of {@code t}. */
    public int countNear(long t, long slackUs) {
        int n = 0;
        for (FaultEvent f : faults) {
            n += Math.abs(f.timeUs() - t) <= slackUs ? 1 : 0;
        }
        return n;
    }
}
