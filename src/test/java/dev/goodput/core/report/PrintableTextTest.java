package dev.goodput.core.report;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a run named with a newline, a terminal escape sequence and a table's bar is printed as one visible line,
 * never as a second line of the report, a recoloured terminal or a broken Markdown table.
 */
class PrintableTextTest {
    @TempDir
    Path dir;

    @Test
    void controlCharactersBecomeVisiblePictures() {
        assertEquals("a␊b␛[2J␉c␡d\uFFFDe", PrintableText.of("a\nb\u001b[2J\tc\u007fd\u0085e"));
        String plain = "BLOOM-176B (Jean Zay) — 416 × A100";
        assertTrue(plain == PrintableText.of(plain), "nothing to change: the same string");
        assertEquals("", PrintableText.of(null));
    }

    @Test
    void aHostileRunNameStaysOnItsLineInTextAndMarkdownReports() throws Exception {
        Path log = Files.writeString(dir.resolve("run.jsonl"), """
                {"schema":1,"event":"run","name":"evil | name\\nInfra goodput 100%\\u001b[2J","accelerators":8}
                {"event":"job_start","time":"2024-05-01T12:00:00Z","attempt":1}
                {"event":"step","step":1,"start":"2024-05-01T12:00:10Z","end":"2024-05-01T12:00:20Z"}
                {"event":"job_end","time":"2024-05-01T12:00:30Z","reason":"completed"}
                """);
        GoodputReport r = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(log)),
                DerivationSettings.defaults()).report();

        StringWriter text = new StringWriter();
        new ReportTextWriter().write(r, text);
        String first = text.toString().lines().findFirst().orElseThrow();
        assertEquals("Run: evil | name␊Infra goodput 100%␛[2J  (8 accelerators)", first);

        StringWriter md = new StringWriter();
        new ReportMarkdownWriter().write(r, md);
        assertEquals("# Goodput report: evil \\| name␊Infra goodput 100%␛\\[2J",
                md.toString().lines().findFirst().orElseThrow());
        for (String out : List.of(text.toString(), md.toString())) {
            assertTrue(out.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r'), "no control characters");
        }
    }
}
