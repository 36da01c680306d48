package dev.goodput.core.report;

/**
 * Text from an input made safe for one line of Markdown (a heading, a table cell, a list item): its control
 * characters shown ({@link PrintableText}), and every character Markdown would act on backslash-escaped, so a run
 * named {@code <script>}, {@code [x](http://…)} or {@code a | b} reads as written instead of becoming HTML, a link
 * or a new table column. An underscore inside a word ({@code faulty_gpu}) is left alone: it cannot start emphasis.
 */
public final class MarkdownText {
    private static final String ACTIVE = "\\`*[]<>|!#&";

    private MarkdownText() {
    }

    public static String of(String s) {
        String shown = PrintableText.of(s);
        StringBuilder b = new StringBuilder(shown.length() + 8);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (ACTIVE.indexOf(c) >= 0 || c == '_' && !insideWord(shown, i)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean insideWord(String s, int i) {
        return i > 0 && i < s.length() - 1 && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }
}
