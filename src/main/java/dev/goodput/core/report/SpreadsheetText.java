package dev.goodput.core.report;

/**
 * Text from the inputs (a cause, a label, a record's source) as a CSV cell that a spreadsheet shows rather than runs:
 * a cell starting with {@code = + - @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google
 * Sheets, so a log line could make a report's reader open a link or run a command (OWASP's "CSV injection"). Such a
 * cell gets a leading apostrophe, which spreadsheets hide and scripts can strip. Numbers are written as numbers and
 * never pass through here.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
