package dev.goodput.app.attribution;

import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule as typed in the editor, every field text, and how it reads back as a {@link Rule} or the problems that
 * stop it. Blank patterns match anything; blank times leave the range open at that end.
 *
 * @param cause a cause id or label, or a new name (see {@link CauseChoices#parse})
 * @param layer the layer the rule attributes to (infra or framework)
 */
public record RuleDraft(String name, String messagePattern, String sourcePattern, String from, String to,
                        String cause, Layer layer, boolean enabled) {
    public static final RuleDraft EMPTY = new RuleDraft("", "", "", "", "", "", Layer.INFRA, true);

    /** Words of a message kept for a rule made from an interval: enough to be distinctive, few enough to recur. */
    private static final int WORDS_FROM_MESSAGE = 6;
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    public RuleDraft {
        name = orEmpty(name);
        messagePattern = orEmpty(messagePattern);
        sourcePattern = orEmpty(sourcePattern);
        from = orEmpty(from);
        to = orEmpty(to);
        cause = orEmpty(cause);
    }

    /** What decides which intervals a rule selects, read from a draft whose patterns and range are valid. */
    public record Selection(String messagePattern, String sourcePattern, long fromUs, long toUs) {
    }

    /**
     * A draft read back.
     *
     * @param rule      the rule, or null when there are problems
     * @param selection its patterns and range, or null when one of them is wrong: a preview needs only these
     * @param problems  what to fix, one line each, e.g. "from: expected yyyy-MM-dd HH:mm:ss UTC"
     */
    public record Checked(Rule rule, Selection selection, List<String> problems) {
        public Checked {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return rule != null;
        }
    }

    /** An existing rule, to edit: the cause shown by its label when that reads back as the same id. */
    public static RuleDraft of(Rule rule, CauseChoices causes) {
        String label = CauseCatalog.labelFor(rule.cause());
        boolean labelReadsBack = causes.parse(label, rule.layer()).map(c -> c.id().equals(rule.cause()))
                .orElse(false);
        return new RuleDraft(rule.name(), orEmpty(rule.messagePattern()), orEmpty(rule.sourcePattern()),
                rule.fromUs() == Long.MIN_VALUE ? "" : formatTime(rule.fromUs(), rule),
                rule.toUs() == Long.MAX_VALUE ? "" : formatTime(rule.toUs(), rule),
                labelReadsBack ? label : rule.cause(), rule.layer(), rule.enabled());
    }

    /**
     * A new rule for every interval like {@code row}: its record's message (the words before the first with a
     * digit in it, which tend to be times, ranks and step numbers), escaped to match literally; when the record
     * says nothing, its file name. The cause is the row's, unless it is still unattributed.
     *
     * @param recordMessage what the row's record says (IncrementalAttribution.messageOf), empty when nothing
     */
    public static RuleDraft fromInterval(AttributedInterval row, String recordMessage) {
        Source source = row.interval().source();
        String message = recordMessage == null || recordMessage.isBlank() ? "" : distinctivePart(recordMessage);
        String file = message.isEmpty() && source != null && !source.equals(Source.DERIVED)
                ? escape(source.fileName()) : "";
        Cause c = row.cause();
        boolean unattributed = c == null || c.id().equals(CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
        Layer layer = c == null || c.layer() == Layer.MODEL ? Layer.INFRA : c.layer();
        return new RuleDraft(message, escape(message), file, "", "", unattributed ? "" : c.label(), layer, true);
    }

    /** Reads the draft back as the rule with {@code id}, or says what is wrong. */
    public Checked check(String id, CauseChoices causes) {
        return check(id, causes, null);
    }

    /**
     * As {@link #check(String, CauseChoices)}, for a draft of {@code original} (null for a new rule): a time left
     * as it was shown keeps the original's exact value, which the field shows only to the second.
     */
    public Checked check(String id, CauseChoices causes, Rule original) {
        List<String> problems = new ArrayList<>();
        boolean selectionOk = compiles("message pattern", messagePattern, problems)
                & compiles("source pattern", sourcePattern, problems);
        Long fromUs = unchanged(from, original == null ? Long.MIN_VALUE : original.fromUs(), original)
                ? Long.valueOf(original.fromUs()) : parseTime("from", from, Long.MIN_VALUE, problems);
        Long toUs = unchanged(to, original == null ? Long.MAX_VALUE : original.toUs(), original)
                ? Long.valueOf(original.toUs()) : parseTime("to", to, Long.MAX_VALUE, problems);
        selectionOk &= fromUs != null && toUs != null;
        if (fromUs != null && toUs != null && toUs <= fromUs) {
            problems.add("to: must be after from");
            selectionOk = false;
        }
        if (messagePattern.isBlank() && sourcePattern.isBlank()) {
            problems.add("a rule needs a message or source pattern");
        }
        Optional<Cause> parsed = causes.parse(cause, layer == null ? Layer.INFRA : layer);
        if (parsed.isEmpty()) {
            problems.add("cause is required");
        }
        if (layer == null || layer == Layer.MODEL) {
            problems.add("layer: a rule attributes lost time to infra or framework");
        }
        Selection selection = selectionOk
                ? new Selection(patternOrNull(messagePattern), patternOrNull(sourcePattern), fromUs, toUs) : null;
        if (!problems.isEmpty()) {
            return new Checked(null, selection, problems);
        }
        // A blank name would leave the list and the Undo menu saying nothing: the pattern names the rule then.
        String shownName = name.isBlank() ? (messagePattern.isBlank() ? sourcePattern : messagePattern) : name.trim();
        Rule rule = new Rule(id, shownName, selection.messagePattern(), selection.sourcePattern(), fromUs, toUs,
                parsed.get().id(), layer, enabled);
        return new Checked(rule, selection, problems);
    }

    /**
     * A time of {@code rule} as the editor shows it: to the second like the rest of the workbench; to the
     * millisecond only for a range shorter than a second. Never microseconds.
     */
    static String formatTime(long us, Rule rule) {
        boolean bounded = rule.fromUs() != Long.MIN_VALUE && rule.toUs() != Long.MAX_VALUE;
        return ClockText.shown(us, bounded ? rule.toUs() - rule.fromUs() : Long.MAX_VALUE);
    }

    /** True when {@code text} is the original's bound {@code us} as it was shown. */
    private static boolean unchanged(String text, long us, Rule original) {
        return original != null && us != Long.MIN_VALUE && us != Long.MAX_VALUE
                && text.strip().equals(formatTime(us, original));
    }

    /** A time as {@link ClockText} reads it; blank gives {@code open}, a wrong one null and a problem. */
    private static Long parseTime(String field, String text, long open, List<String> problems) {
        if (text.isBlank()) {
            return open;
        }
        Optional<Long> us = ClockText.parse(text);
        if (us.isEmpty()) {
            problems.add(field + ": expected " + ClockText.FORMAT);
        }
        return us.orElse(null);
    }

    private static boolean compiles(String field, String pattern, List<String> problems) {
        if (pattern.isBlank()) {
            return true;
        }
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            // getMessage() spans lines (the pattern and a caret); one line reads better under a field.
            problems.add(field + ": " + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            return false;
        }
    }

    static String distinctivePart(String message) {
        String[] words = message.trim().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length && i < WORDS_FROM_MESSAGE; i++) {
            if (words[i].chars().anyMatch(Character::isDigit)) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(words[i]);
        }
        // A message that starts with a number has no such prefix: then its first words, numbers and all.
        if (sb.length() == 0) {
            for (int i = 0; i < words.length && i < WORDS_FROM_MESSAGE; i++) {
                sb.append(sb.length() == 0 ? "" : " ").append(words[i]);
            }
        }
        return sb.toString();
    }

    /** Backslashes the regular expressions' special characters, so the text matches literally and stays readable. */
    static String escape(String literal) {
        return REGEX_SPECIAL.matcher(literal).replaceAll("\\\\$0");
    }

    private static String patternOrNull(String pattern) {
        return pattern.isBlank() ? null : pattern;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
