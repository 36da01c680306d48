package dev.goodput.chart.report;

import dev.goodput.core.report.PrintableText;

/**
 * Text made safe for HTML element content and quoted attribute values: markup characters escaped, and control
 * characters shown as their Unicode pictures ({@link PrintableText}), which XML would not even allow.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        text = PrintableText.of(text);
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
