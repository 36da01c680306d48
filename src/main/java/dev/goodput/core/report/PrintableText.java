package dev.goodput.core.report;

/**
 * Text from an input (a run's name, a cause, a log's message) made safe to print on one line of a terminal or a
 * Markdown table: control characters (a newline, an escape sequence that would recolour or clear the terminal)
 * become their visible Unicode "control pictures" (␊, ␛) and C1 controls a replacement character, so the
 * reader sees that they were there and nothing they would do happens.
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String of(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char shown = c < 0x20 ? (char) (0x2400 + c) : c == 0x7F ? '\u2421' : c >= 0x80 && c < 0xA0 ? '\uFFFD' : c;
            if (shown != c && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(shown);
            }
        }
        return b == null ? s : b.toString();
    }
}
