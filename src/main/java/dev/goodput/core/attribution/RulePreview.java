package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.Layer;

import java.util.List;
import java.util.Objects;

/**
 * What a rule being written would select in a run, before it is added: the lost intervals whose record matches
 * its patterns inside its range, as the attribution selects them. Its own matcher, so previews typed key by key
 * never touch (or fill the cache of) the attribution being edited. Whether tags or later rules would win over it
 * there is not considered: it says what the rule matches, not what it ends up attributing.
 */
public final class RulePreview {
    /** A placeholder for what a selection does not depend on. */
    private static final String ANY_CAUSE = "preview";

    /**
     * @param intervals lost intervals of the imported derivation the rule selects
     * @param lostUs    their time inside the rule's range, in microseconds of wall-clock time
     */
    public record Matches(int intervals, long lostUs) {
        public static final Matches NONE = new Matches(0, 0);
    }

    private final List<Interval> intervals;
    private final RuleMatcher matcher;

    RulePreview(List<Interval> intervals, RuleMatcher matcher) {
        this.intervals = intervals;
        this.matcher = matcher;
    }

    /**
     * Groups the run's lost intervals by their records' texts once (a pass over the run). An attribution being
     * edited has those groups already: {@link IncrementalAttribution#rulePreview()} shares them.
     */
    public static RulePreview of(Derivation base) {
        List<Interval> intervals = Objects.requireNonNull(base).intervals();
        return new RulePreview(intervals, new RuleMatcher(intervals, RecordTexts.of(base.run())));
    }

    /**
     * What a rule with these patterns and range matches (null patterns match anything); none when a pattern does
     * not compile or the range is empty.
     */
    public Matches matches(String messagePattern, String sourcePattern, long fromUs, long toUs) {
        if (toUs <= fromUs) {
            return Matches.NONE;
        }
        return matches(new Rule(ANY_CAUSE, "", messagePattern, sourcePattern, fromUs, toUs, ANY_CAUSE, Layer.INFRA,
                true));
    }

    /** Patterns previewed so far that took too long on a text and now match nothing, one line each naming it. */
    public List<String> warnings() {
        return matcher.warnings();
    }

    /** What {@code rule} matches, whether or not it is enabled. */
    public Matches matches(Rule rule) {
        int[] hits = matcher.matches(rule);
        long us = 0;
        for (int i : hits) {
            Interval iv = intervals.get(i);
            us += Math.min(iv.endUs(), rule.toUs()) - Math.max(iv.startUs(), rule.fromUs());
        }
        return new Matches(hits.length, us);
    }
}
