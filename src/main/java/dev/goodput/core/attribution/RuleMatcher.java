package dev.goodput.core.attribution;

import dev.goodput.core.derive.Interval;
import dev.goodput.core.io.logs.CountedText;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.IntStream;

/**
 * Finds the lost base intervals a rule selects: decided by a record whose message and file name match the
 * rule's patterns, and overlapping its range. Lost intervals are grouped once by what their records say
 * (message and file name: far fewer distinct texts than records, e.g. one for all the checkpoints of a
 * file), so a pattern is tried once per text; and each distinct selection is kept, so switching a rule on
 * and off or re-labelling it costs only its own intervals.
 *
 * <p>Patterns come from shared attribution files and from what users type, and {@link java.util.regex} has no
 * time limit: each text is matched under a budget of character reads (as the trainer-log line patterns are), and a
 * pattern that spends it is disabled for the rest of this matcher's derivation, with one warning naming it.
 */
final class RuleMatcher {
    /** What decides a rule's selection; its id, cause and whether it is on do not. */
    private record Criteria(String messagePattern, String sourcePattern, long fromUs, long toUs) {
        static Criteria of(Rule r) {
            return new Criteria(r.messagePattern(), r.sourcePattern(), r.fromUs(), r.toUs());
        }
    }

    private static final int[] NONE = new int[0];
    /** Reads a match may take per character of its text, plus an allowance for short texts. */
    static final long READS_PER_CHAR = 10_000;
    private static final int ALLOWANCE_CHARS = 100;

    /** Thrown out of a selection when a pattern spends its budget on a text. */
    private static final class TooSlow extends RuntimeException {
        TooSlow(String warning) {
            super(warning, null, false, false);
        }
    }

    private final List<Interval> intervals;
    private final Map<Criteria, int[]> selections = new HashMap<>();
    private final Map<RecordTexts.Text, int[]> byText;
    private final CountedText counted = new CountedText();
    /** Patterns that spent their budget: they select nothing from then on. */
    private final Set<String> disabled = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();

    /** Groups the lost intervals once, up front: a first rule must not cost a pass over the run. */
    RuleMatcher(List<Interval> intervals, RecordTexts texts) {
        this.intervals = intervals;
        this.byText = byText(intervals, texts);
    }

    /** The same groups (never changed once made), with a selection cache of its own. */
    RuleMatcher(RuleMatcher groups) {
        this.intervals = groups.intervals;
        this.byText = groups.byText;
    }

    /**
     * Rules disabled because a pattern took too long on a text, one line each naming the pattern, in the order
     * found; empty when every pattern ran.
     */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Indices of the lost base intervals {@code rule} selects, ascending (whether or not it is enabled). */
    int[] matches(Rule rule) {
        Criteria c = Criteria.of(rule);
        if (disabled.contains(c.messagePattern()) || disabled.contains(c.sourcePattern())) {
            return NONE;
        }
        int[] kept = selections.get(c);
        if (kept != null) {
            return kept;
        }
        int[] out;
        try {
            out = select(c);
        } catch (TooSlow e) {
            warnings.add(e.getMessage());
            out = NONE;
        }
        selections.put(c, out);
        return out;
    }

    /** A pattern that does not compile selects nothing (rules from a file are not validated by an edit). */
    private int[] select(Criteria c) {
        Pattern message;
        Pattern file;
        try {
            message = c.messagePattern() == null ? null : Pattern.compile(c.messagePattern());
            file = c.sourcePattern() == null ? null : Pattern.compile(c.sourcePattern());
        } catch (PatternSyntaxException e) {
            return NONE;
        }
        IntStream.Builder hits = IntStream.builder();
        for (Map.Entry<RecordTexts.Text, int[]> group : byText.entrySet()) {
            RecordTexts.Text text = group.getKey();
            if ((message == null || finds(message, text.message(), "a message"))
                    && (file == null || finds(file, text.fileName(), "a file name"))) {
                inRange(group.getValue(), c.fromUs(), c.toUs(), hits);
            }
        }
        int[] out = hits.build().toArray();
        Arrays.sort(out);
        return out;
    }

    /** Whether {@code pattern} is found in {@code text} within the read budget; else disables it ({@link TooSlow}). */
    private boolean finds(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(counted.reset(text, READS_PER_CHAR * (text.length() + ALLOWANCE_CHARS)));
        try {
            return m.find();
        } catch (CountedText.Spent e) {
            disabled.add(pattern.pattern());
            throw new TooSlow("rule pattern " + pattern.pattern() + " took too long on " + what + " of "
                    + text.length() + " characters: disabled; simplify the pattern");
        }
    }

    /** Adds the members of {@code group} (ascending indices) that overlap [from, to). */
    private void inRange(int[] group, long from, long to, IntStream.Builder hits) {
        int lo = 0;
        int hi = group.length;
        while (lo < hi) { // first member ending after from
            int mid = (lo + hi) >>> 1;
            if (intervals.get(group[mid]).endUs() <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < group.length && intervals.get(group[k]).startUs() < to; k++) {
            hits.add(group[k]);
        }
    }

    /** Lost intervals decided by a record, by what the record says; derived time is in no group. */
    private static Map<RecordTexts.Text, int[]> byText(List<Interval> intervals, RecordTexts texts) {
        Map<RecordTexts.Text, IntStream.Builder> groups = new LinkedHashMap<>();
        for (int i = 0; i < intervals.size(); i++) {
            Interval iv = intervals.get(i);
            RecordTexts.Text text = iv.productive() ? null : texts.of(iv.source());
            if (text != null) {
                groups.computeIfAbsent(text, t -> IntStream.builder()).add(i);
            }
        }
        Map<RecordTexts.Text, int[]> byText = new LinkedHashMap<>();
        groups.forEach((t, b) -> byText.put(t, b.build().toArray()));
        return byText;
    }
}
