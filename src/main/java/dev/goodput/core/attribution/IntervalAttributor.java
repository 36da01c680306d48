package dev.goodput.core.attribution;

import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the rules and tags that apply to one lost base interval into its pieces. The interval is cut at
 * every rule-range and tag boundary inside it; each segment starts with the imported cause, then each
 * applying rule in overlay order, then each covering tag in overlay order replaces it (a tag with
 * {@code onlyCause} only where the cause so far has that id): tags win over rules, later ones over earlier
 * ones. Neighbouring segments with the same cause and assignment join again, so the pieces depend only on
 * the overlay, never on the order of the edits that made it.
 */
final class IntervalAttributor {
    /** Causes of tags and rules by layer and id, made once: labels are looked up, not rebuilt, per piece. */
    private final Map<Layer, Map<String, Cause>> causes = new EnumMap<>(Layer.class);

    /** The state a segment ends up in. */
    private record Outcome(Cause cause, Assignment by) {
    }

    /**
     * @param rules enabled rules that select {@code iv}, in overlay order
     * @param tags  tags overlapping {@code iv}, in overlay order
     * @return the pieces, or null when the interval stays as imported
     */
    AttributedInterval[] attribute(int index, Interval iv, List<Rule> rules, List<Tag> tags) {
        if (!(iv.state() instanceof IntervalState.Lost imported) || rules.isEmpty() && tags.isEmpty()) {
            return null; // productive time is never re-attributed
        }
        if (!cutInside(iv, rules, tags)) { // the usual case, a whole interval: nothing to cut, sort or join
            Outcome o = fold(iv.startUs(), iv.endUs(), imported.cause(), rules, tags);
            return o.by() == Assignment.IMPORTER ? null
                    : new AttributedInterval[]{piece(index, iv, iv.startUs(), iv.endUs(), o)};
        }
        long[] cuts = cuts(iv, rules, tags);
        List<AttributedInterval> pieces = new ArrayList<>();
        Outcome last = fold(cuts[0], cuts[1], imported.cause(), rules, tags);
        long pieceStart = cuts[0];
        for (int s = 1; s + 1 < cuts.length; s++) {
            Outcome o = fold(cuts[s], cuts[s + 1], imported.cause(), rules, tags);
            if (!o.equals(last)) {
                pieces.add(piece(index, iv, pieceStart, cuts[s], last));
                pieceStart = cuts[s];
                last = o;
            }
        }
        if (pieces.isEmpty() && last.by() == Assignment.IMPORTER) {
            return null;
        }
        pieces.add(piece(index, iv, pieceStart, iv.endUs(), last));
        return pieces.toArray(new AttributedInterval[0]);
    }

    /** The imported cause, then each rule, then each tag covering [a, b), in order. */
    private Outcome fold(long a, long b, Cause imported, List<Rule> rules, List<Tag> tags) {
        Cause cause = imported;
        Assignment by = Assignment.IMPORTER;
        for (Rule r : rules) {
            if (r.fromUs() <= a && b <= r.toUs()) {
                cause = cause(r.cause(), r.layer());
                by = new Assignment.ByRule(r.id());
            }
        }
        for (Tag t : tags) {
            if (t.startUs() <= a && b <= t.endUs() && (t.onlyCause() == null || t.onlyCause().equals(cause.id()))) {
                cause = cause(t.cause(), t.layer());
                by = new Assignment.ByUser(t.id());
            }
        }
        return new Outcome(cause, by);
    }

    private static boolean cutInside(Interval iv, List<Rule> rules, List<Tag> tags) {
        for (Rule r : rules) {
            if (inside(iv, r.fromUs()) || inside(iv, r.toUs())) {
                return true;
            }
        }
        for (Tag t : tags) {
            if (inside(iv, t.startUs()) || inside(iv, t.endUs())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Interval iv, long t) {
        return t > iv.startUs() && t < iv.endUs();
    }

    /** The interval's bounds and every rule or tag boundary strictly inside it, ascending, distinct. */
    private static long[] cuts(Interval iv, List<Rule> rules, List<Tag> tags) {
        long[] c = new long[2 + 2 * (rules.size() + tags.size())];
        int n = 0;
        c[n++] = iv.startUs();
        c[n++] = iv.endUs();
        for (Rule r : rules) {
            n = inside(iv, r.fromUs(), c, n);
            n = inside(iv, r.toUs(), c, n);
        }
        for (Tag t : tags) {
            n = inside(iv, t.startUs(), c, n);
            n = inside(iv, t.endUs(), c, n);
        }
        Arrays.sort(c, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (c[i] != c[distinct - 1]) {
                c[distinct++] = c[i];
            }
        }
        return Arrays.copyOf(c, distinct);
    }

    private static int inside(Interval iv, long t, long[] c, int n) {
        if (inside(iv, t)) {
            c[n++] = t;
        }
        return n;
    }

    private static AttributedInterval piece(int index, Interval iv, long start, long end, Outcome o) {
        return new AttributedInterval(new Interval(start, end, new IntervalState.Lost(o.cause()),
                iv.acceleratorsInUse(), iv.source(), iv.hotSpares()), o.by(), index);
    }

    /**
     * Lost time belongs to infra or framework; the model layer is MFU, a share of productive time. A tag or
     * rule naming the model layer counts in the framework layer, as a phase or fault naming it does.
     */
    private Cause cause(String id, Layer layer) {
        Layer l = layer == Layer.MODEL ? Layer.FRAMEWORK : layer;
        return causes.computeIfAbsent(l, k -> new HashMap<>()).computeIfAbsent(id, k -> Cause.of(id, l));
    }
}
