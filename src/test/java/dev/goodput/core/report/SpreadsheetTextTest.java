package dev.goodput.core.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Text a spreadsheet would run as a formula is shown as text; anything else is left as it is. */
class SpreadsheetTextTest {
    @Test
    void formulasGetAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\",\"click\")", SpreadsheetText.of("=HYPERLINK(\"http://x\",\"click\")"));
        assertEquals("'+1+cmd|' /C calc'!A0", SpreadsheetText.of("+1+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", SpreadsheetText.of("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetText.of("@SUM(A1)"));
        assertEquals("'\t=1", SpreadsheetText.of("\t=1"));
        assertEquals("'\r=1", SpreadsheetText.of("\r=1"));
    }

    @Test
    void everythingElseStaysAsItIs() {
        assertEquals("Faulty GPU", SpreadsheetText.of("Faulty GPU"));
        assertEquals("checkpoint_save", SpreadsheetText.of("checkpoint_save"));
        assertEquals("run.jsonl:12 (a=b)", SpreadsheetText.of("run.jsonl:12 (a=b)"));
        assertEquals("", SpreadsheetText.of(""));
        assertNull(SpreadsheetText.of(null));
    }
}
