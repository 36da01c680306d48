package dev.goodput.chart.report;

import dev.goodput.chart.Chart;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.report.ReportCsvWriter;
import dev.goodput.core.report.ReportMarkdownWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run named to do harm ({@code <script>}, a table pipe, a newline that starts a fake heading, a Markdown link, a
 * terminal escape, a bell, a C1 control) comes out of every writer as the text it is: no markup, link, column or
 * control character of its own.
 */
class HostileTextWritersTest {
    /** As the run log's JSON string says it; the file name carries an escape too. */
    private static final String NAME_JSON = "evil <script>alert(1)</script> | a\\\\|b\\n## injected `x` [l](http://x) "
            + "*b* \\u001b[31mred\\u0007 & \\u0085 \\\"q\\\" 's";

    @TempDir
    Path dir;
    private Path log;
    private Derivation d;

    @BeforeEach
    void load() throws Exception {
        log = Files.writeString(dir.resolve("run\u001b[2J.jsonl"), "{\"schema\":1,\"event\":\"run\",\"name\":\"" + NAME_JSON
                + "\",\"accelerators\":8}\n"
                + "{\"event\":\"job_start\",\"time\":\"2024-05-01T12:00:00Z\",\"attempt\":1}\n"
                + "{\"event\":\"step\",\"step\":1,\"start\":\"2024-05-01T12:00:10Z\",\"end\":\"2024-05-01T12:00:20Z\"}\n"
                + "{\"event\":\"job_end\",\"time\":\"2024-05-01T12:00:30Z\",\"reason\":\"completed\"}\n");
        d = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(log)), DerivationSettings.defaults());
    }

    private static void noControlCharacters(String out) {
        assertTrue(out.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' || c >= 0x7F && c < 0xA0),
                "no control characters");
    }

    @Test
    void markdownEscapesEverythingMarkdownWouldActOn() throws Exception {
        StringWriter md = new StringWriter();
        new ReportMarkdownWriter().write(d.report(), md);
        assertEquals("# Goodput report: evil \\<script\\>alert(1)\\</script\\> \\| a\\\\\\|b␊\\#\\# injected \\`x\\` "
                + "\\[l\\](http://x) \\*b\\* ␛\\[31mred␇ \\& \uFFFD \"q\" 's", md.toString().lines().findFirst()
                .orElseThrow());
        noControlCharacters(md.toString());
    }

    @Test
    void htmlIsWellFormedAndShowsTheNameAsText() throws Exception {
        StringWriter out = new StringWriter();
        new HtmlReportWriter(WaterfallOptions.defaults()).write(d, out);
        String html = out.toString();
        noControlCharacters(html);
        Document page = SafeXml.parse(html.getBytes(UTF_8));
        String title = SafeXml.texts(page, HtmlReportWriter.XHTML, "title").get(0);
        assertTrue(title.contains("evil <script>alert(1)</script> | a\\|b␊## injected"), title);
        assertTrue(SafeXml.elements(page, HtmlReportWriter.XHTML, "script").isEmpty(), "no script element");
    }

    @Test
    void csvCellsShowControlCharacters() throws Exception {
        StringWriter intervals = new StringWriter();
        new IntervalCsvWriter().write(d, intervals);
        assertTrue(intervals.toString().contains("run␛[2J.jsonl:3"), intervals.toString());
        noControlCharacters(intervals.toString().replace("\r\n", "\n"));
        StringWriter report = new StringWriter();
        new ReportCsvWriter().write(d.report(), report);
        noControlCharacters(report.toString());
    }

    @Test
    void svgChartsAreWellFormedWithTheNameAsText() throws Exception {
        for (ReportChart chart : ReportChart.values()) {
            Chart drawn = chart.of(d, WaterfallOptions.defaults());
            Path svg = dir.resolve(chart.id() + ".svg");
            ChartExporter.write(drawn, ChartCaptions.of(chart, d.report()).presentation(),
                    MarkdownReportWriter.CHART_SIZE, ChartFormat.SVG, 1, svg);
            String text = Files.readString(svg);
            noControlCharacters(text);
            assertFalse(text.contains("<script"), "no script element");
            Document doc = SafeXml.parse(text.getBytes(UTF_8));
            assertTrue(SafeXml.texts(doc, SafeXml.SVG, "text").stream().anyMatch(t -> t.contains("evil <script>")),
                    chart + ": " + SafeXml.texts(doc, SafeXml.SVG, "text"));
        }
    }
}
