package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.model.Times;

import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Any log with a user's pattern ({@code --line-pattern}, {@link LinePattern}): each line the pattern matches
 * (anywhere in the line, as {@link Matcher#find}; anchor it with {@code ^}) is a {@link TrainerEvent.Fault} at its
 * time group's time, with its message group as the message, classified by the {@link FaultClassifier}, its node
 * group as the node and its rank group as the rank (else the rank a prefix such as {@code [rank3]:} names, else
 * -1). A file of such lines alone is a side log of faults, as a node log is. Lines the pattern does not match are
 * not this format's. Each matched line is one fault: repeats are not grouped (the node format groups its own).
 *
 * <p>The pattern sees the whole line as written (ANSI colour codes taken out), its time stamp and prefixes
 * included. A match may read the line's characters at most {@value #READS_PER_CHAR} times each (plus a fixed
 * allowance): a pattern that backtracks more is stopped on that line, which is then a bad record.
 */
final class PatternLogRecogniser implements LineRecogniser {
    static final long READS_PER_CHAR = 10_000;
    private static final int ALLOWANCE_CHARS = 100;

    private final LinePattern pattern;
    private final FaultClassifier rules = FaultClassifier.bundled();
    // Reused from line to line: most lines of a log reach the pattern and are not matched.
    private final CountedText text = new CountedText();
    private final Matcher m;

    PatternLogRecogniser(LinePattern pattern) {
        this.pattern = pattern;
        this.m = pattern.regex().matcher(text);
    }

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String s = line.raw();
        if (s.indexOf('\u001b') >= 0) {
            s = LinePrefix.stripAnsi(s);
        }
        m.reset(text.reset(s, READS_PER_CHAR * (s.length() + ALLOWANCE_CHARS)));
        try {
            if (!m.find()) {
                return false;
            }
        } catch (CountedText.Spent e) {
            throw new BadRecord("expected the line pattern to decide within " + READS_PER_CHAR + " reads per "
                    + "character; it backtracks too much on this line (anchor it with ^, and prefer [^\"]*, \\S+ or "
                    + "a possessive .*+ to .*)");
        }
        String timeText = m.group(LinePattern.TIME);
        if (timeText == null) {
            throw new BadRecord("expected a time in the time group, found none (the group took no part in the "
                    + "match)");
        }
        long t = pattern.formatter() == null ? PatternTime.read(timeText, line.clock())
                : PatternTime.read(timeText, pattern.formatter(), line.clock());
        if (t == Times.UNKNOWN) {
            throw new BadRecord(PatternTime.expected(timeText, pattern.timeFormat()));
        }
        String message = m.group(LinePattern.MESSAGE);
        message = message == null ? "" : message.strip();
        out.accept(new TrainerEvent.Fault(t, line.source(), rules.classify(message), message, rank(line),
                node()));
        return true;
    }

    private String node() {
        String node = pattern.hasNode() ? m.group(LinePattern.NODE) : null;
        return node == null || node.isBlank() ? null : node.strip();
    }

    private int rank(LogLine line) throws BadRecord {
        String r = pattern.hasRank() ? m.group(LinePattern.RANK) : null;
        if (r == null || r.isBlank()) {
            return line.rank();
        }
        String digits = r.strip();
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRecord("expected a whole number in the rank group, found \"" + r + "\"");
        }
        return Integer.parseInt(digits);
    }
}
