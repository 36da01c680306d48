package dev.goodput.chart.report;

import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.report.ReportMarkdownWriter;
import dev.goodput.testing.SampleRuns;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Markdown report is the CLI's Markdown plus charts that exist beside it, linked so any reader finds them. */
class MarkdownReportWriterTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @TempDir
    Path dir;

    @Test
    void linksChartsThatExistBesideIt() throws Exception {
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        Path md = dir.resolve("bloom run (v2) [final] ü.md"); // spaces, brackets and non-ASCII in the links
        new MarkdownReportWriter(WaterfallOptions.defaults()).write(d, md);

        String text = Files.readString(md, UTF_8);
        StringWriter plain = new StringWriter();
        new ReportMarkdownWriter().write(d.report(), plain);
        assertTrue(text.startsWith(plain.toString()), "the report's own Markdown comes first, unchanged");

        List<Path> linked = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            Path target = md.resolveSibling(URLDecoder.decode(m.group(1), UTF_8));
            assertTrue(Files.isRegularFile(target), m.group(1) + " -> " + target);
            linked.add(target);
        }
        assertEquals(MarkdownReportWriter.files(md).subList(1, 5).stream().sorted().toList(),
                linked.stream().sorted().toList(), "each chart's SVG and PNG, once");
        assertTrue(text.contains("![Where the accelerator time went](bloom%20run%20%28v2%29%20%5Bfinal%5D%20%C3%BC"
                + "-waterfall.svg)"), text);
        assertTrue(text.contains("![Run timeline]("), text);
    }

    @Test
    void chartsAreSvgAndDoubleScalePngWithNothingLeftBehind() throws Exception {
        Path md = dir.resolve("report.md");
        new MarkdownReportWriter(WaterfallOptions.defaults()).write(SampleRuns.derive(SampleRuns.CLEAN), md);
        for (ReportChart chart : ReportChart.values()) {
            Path svg = MarkdownReportWriter.chartFile(md, chart, ChartFormat.SVG);
            assertEquals("report-" + chart.id() + ".svg", svg.getFileName().toString());
            List<String> texts = SafeXml.texts(SafeXml.parse(Files.readAllBytes(svg)), SafeXml.SVG, "text");
            assertTrue(texts.contains(chart.title()), "the chart carries its title: " + texts);
            BufferedImage png = ImageIO.read(MarkdownReportWriter.chartFile(md, chart, ChartFormat.PNG).toFile());
            assertNotNull(png);
            assertEquals(MarkdownReportWriter.CHART_SIZE.width() * 2, png.getWidth());
            assertEquals(MarkdownReportWriter.CHART_SIZE.height() * 2, png.getHeight());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(MarkdownReportWriter.files(md).stream().sorted().toList(), files.sorted().toList(),
                    "no temporary files left");
        }
    }
}
