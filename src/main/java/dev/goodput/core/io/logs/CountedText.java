package dev.goodput.core.io.logs;

/**
 * A line as a regular expression reads it, with a budget of character reads: a user's pattern can backtrack
 * catastrophically ({@code (a+)+b}), and {@link java.util.regex} has no time limit, so the match is stopped when the
 * budget is spent ({@link Spent}). Counting reads, not time, keeps the outcome the same on every machine.
 */
public final class CountedText implements CharSequence {
    /** Thrown by {@link #charAt} once the budget is spent; carries no stack trace (it is control flow). */
    public static final class Spent extends RuntimeException {
        Spent() {
            super(null, null, false, false);
        }
    }

    private String text = "";
    private long left;

    /** Makes this the text of the next line, with a fresh budget (one instance serves a file's lines). */
    public CountedText reset(String line, long budget) {
        this.text = line;
        this.left = budget;
        return this;
    }

    @Override
    public char charAt(int index) {
        if (--left < 0) {
            throw new Spent();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Not counted: the matcher takes groups out with it after the match. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
