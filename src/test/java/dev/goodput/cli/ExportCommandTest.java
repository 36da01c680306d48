package dev.goodput.cli;

import dev.goodput.chart.ChartSize;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.report.ChartCaptions;
import dev.goodput.chart.report.ChartLabels;
import dev.goodput.chart.report.HostileRun;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.report.ReportExport;
import dev.goodput.chart.report.ReportExporter;
import dev.goodput.chart.report.SafeXml;
import dev.goodput.core.derive.Derivation;
import dev.goodput.testing.SampleRuns;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code goodput export}: every chart in every format from the real samples, readable by ordinary tools and
 * showing the report's labels; the report exports; usage errors (1) and bad input (2); inputs left untouched.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    /** Export prints nothing when it succeeds. */
    private static void ok(String... args) {
        assertEquals("", CliRun.ok(args).err());
    }

    static Stream<Arguments> chartsFormatsSamples() {
        List<Arguments> all = new ArrayList<>();
        for (String sample : SampleRuns.ALL) {
            for (ReportChart chart : ReportChart.values()) {
                for (ChartFormat format : ChartFormat.values()) {
                    all.add(Arguments.of(sample, chart, format));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} {2} of {0}")
    @MethodSource("chartsFormatsSamples")
    void everyChartInEveryFormatShowsTheReportsLabels(String sample, ReportChart chart, ChartFormat format)
            throws Exception {
        Derivation d = SampleRuns.derive(sample);
        Path out = dir.resolve(chart.id() + "." + format.extension());
        String digest = sha256(Path.of(sample));
        ok("export", sample, "--chart", chart.id(), "--out", out.toString(), "--scale", "2");
        assertEquals(digest, sha256(Path.of(sample)), "the input is untouched");
        List<String> labels = new ArrayList<>(ChartLabels.of(chart, d));
        labels.add(chart.title());
        switch (format) {
            case PNG -> {
                BufferedImage png = ImageIO.read(out.toFile());
                assertNotNull(png);
                assertEquals(ChartSize.SLIDE_16_9.width() * 2, png.getWidth());
                assertEquals(ChartSize.SLIDE_16_9.height() * 2, png.getHeight());
            }
            case SVG -> {
                List<String> texts = svgTexts(out);
                for (String label : labels) { // the waterfall's names whole, wrapped maybe; the timeline may cut
                    assertTrue(chart == ReportChart.WATERFALL ? SafeXml.showsWhole(texts, label)
                            : SafeXml.shows(texts, label), label + " in " + texts);
                }
            }
            case PDF -> {
                String text = pdfText(out);
                for (String label : labels) {
                    assertTrue(pdfShows(text, label, chart != ReportChart.WATERFALL), label + " in " + text);
                }
            }
        }
    }

    @Test
    void pngSizeScaleAndFormatFromTheOptions() throws Exception {
        Path out = dir.resolve("chart.bin");
        ok("export", SampleRuns.CLEAN, "--chart", "waterfall", "--format", "png", "--size", "800x450", "--scale", "3",
                "--out", out.toString());
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(2400, png.getWidth());
        assertEquals(1350, png.getHeight());
        Path doc = dir.resolve("doc.PNG");
        ok("export", SampleRuns.CLEAN, "--chart", "timeline", "--size", "document", "--out", doc.toString());
        BufferedImage d = ImageIO.read(doc.toFile());
        assertEquals(ChartSize.DOCUMENT.width(), d.getWidth());
        assertEquals(ChartSize.DOCUMENT.height(), d.getHeight());
    }

    @Test
    void captionsTitlesStyleWindowAndUnit() throws Exception {
        Derivation d = SampleRuns.derive(SampleRuns.CLEAN);
        Path out = dir.resolve("w.svg");
        ok("export", SampleRuns.CLEAN, "--chart", "waterfall", "--out", out.toString());
        List<String> texts = svgTexts(out);
        assertTrue(texts.contains(ChartCaptions.subtitle(d.report())), texts.toString());
        assertTrue(String.join(" ", texts).contains("Overall goodput = infra × framework × model"), texts.toString());

        ok("export", SampleRuns.CLEAN, "--chart", "waterfall", "--out", out.toString(), "--title", "Q3 review",
                "--subtitle", "Cluster B", "--unit", "cost", "--price", "4", "--other-threshold", "0");
        texts = svgTexts(out);
        assertTrue(texts.contains("Q3 review") && texts.contains("Cluster B"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("$")), "costs shown: " + texts);

        ok("export", SampleRuns.CLEAN, "--chart", "timeline", "--out", out.toString(), "--style", "screen");
        texts = svgTexts(out);
        assertFalse(texts.contains("Run timeline"), "the screen style has no title");
        assertFalse(texts.contains(ChartCaptions.subtitle(d.report())));

        ok("export", SampleRuns.CLEAN, "--chart", "timeline", "--out", out.toString(), "--window",
                "2025-03-03T09:10:00Z", "1740993600");
        assertTrue(String.join(" ", svgTexts(out)).contains("2025-03-03 09:10:00 → 09:20:00 UTC (10.0 min)"));
    }

    @Test
    void runNameWithMarkupIsTextInTheSvg() throws Exception {
        Path log = HostileRun.write(dir);
        Path out = dir.resolve("h.svg");
        ok("export", log.toString(), "--lenient", "--chart", "waterfall", "--out", out.toString());
        assertTrue(svgTexts(out).stream().anyMatch(t -> t.startsWith(HostileRun.NAME)), "the name as text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "html", "csv", "intervals-csv", "json"})
    void reportExportsWriteTheirFiles(String kind) throws Exception {
        ReportExport export = ReportExport.parse(kind);
        Path out = dir.resolve("report." + export.extension());
        String digest = sha256(Path.of(SampleRuns.BLOOM));
        ok("export", SampleRuns.BLOOM, "--report", kind, "--out", out.toString());
        assertEquals(digest, sha256(Path.of(SampleRuns.BLOOM)));
        for (Path p : ReportExporter.files(export, out)) {
            assertTrue(Files.size(p) > 0, p.toString());
        }
        if (export == ReportExport.HTML) {
            Document page = SafeXml.parse(Files.readAllBytes(out));
            assertEquals(2, SafeXml.elements(page, SafeXml.SVG, "svg").size());
        }
    }

    @Test
    void usageErrorsExitWithOneAndWriteNothing() {
        String out = dir.resolve("out.png").toString();
        String[][] cases = {
                {"--chart", "pie", "--out", out},
                {"--chart", "waterfall", "--format", "gif", "--out", out},
                {"--chart", "waterfall", "--out", dir.resolve("out.gif").toString()},
                {"--chart", "waterfall", "--scale", "4", "--out", out},
                {"--out", out},
                {"--chart", "waterfall", "--report", "md", "--out", out},
                {"--report", "xml", "--out", out},
                {"--report", "md", "--format", "png", "--out", out},
                {"--chart", "waterfall", "--size", "huge", "--out", out},
                {"--chart", "waterfall", "--size", "10x10", "--out", out},
                {"--chart", "waterfall", "--size", "10000x10000", "--scale", "3", "--out", out},
                {"--chart", "waterfall", "--style", "fancy", "--out", out},
                {"--chart", "waterfall", "--unit", "euros", "--out", out},
                {"--chart", "waterfall", "--price", "-1", "--out", out},
                {"--chart", "waterfall", "--other-threshold", "100", "--out", out},
                {"--chart", "waterfall", "--window", "noon", "1740993600", "--out", out},
                {"--chart", "waterfall", "--window", "1740993600", "1740990000", "--out", out},
                {"--chart", "waterfall", "--frobnicate", "--out", out},
                {"--chart", "waterfall"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("export", SampleRuns.CLEAN));
            args.addAll(List.of(c));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith("goodput: error: "), r.err());
            assertFalse(Files.exists(Path.of(out)), String.join(" ", c));
        }
        CliRun scale = CliRun.of("export", SampleRuns.CLEAN, "--chart", "waterfall", "--scale", "4", "--out", out);
        assertEquals("goodput: error: expected --scale 1, 2 or 3, found 4", scale.err().strip());
        CliRun neither = CliRun.of("export", SampleRuns.CLEAN, "--out", out);
        assertTrue(neither.err().contains("expected either --chart waterfall|timeline or --report"), neither.err());
    }

    @Test
    void refusesToWriteOverAnInput() throws Exception {
        Path copy = dir.resolve("run.jsonl");
        Files.copy(Path.of(SampleRuns.CLEAN), copy);
        String digest = sha256(copy);
        CliRun r = CliRun.of("export", copy.toString(), "--report", "json", "--out", copy.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("refusing to write"), r.err());
        // Markdown writes its charts beside it: one of them must not be an input either.
        Path chart = dir.resolve("notes-waterfall.svg");
        Files.copy(copy, chart);
        CliRun md = CliRun.of("export", copy.toString(), chart.toString(), "--report", "md", "--out",
                dir.resolve("notes.md").toString());
        assertEquals(1, md.code(), md.err());
        assertEquals(digest, sha256(copy));
        assertEquals(digest, sha256(chart));
    }

    @Test
    void badInputExitsWithTwoNamingFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(Path.of(SampleRuns.CLEAN))
                .replace("\"step\": 10,", "\"step\": \"ten\","));
        String digest = sha256(bad);
        Path out = dir.resolve("chart.svg");
        CliRun r = CliRun.of("export", bad.toString(), "--chart", "waterfall", "--out", out.toString());
        assertEquals(2, r.code());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertEquals("goodput: error: " + bad + ":14: expected \"step\" to be a whole number (64-bit), found \"ten\"",
                line);
        assertFalse(Files.exists(out));
        assertEquals(digest, sha256(bad));

        CliRun missingFolder = CliRun.of("export", SampleRuns.CLEAN, "--chart", "waterfall", "--out",
                dir.resolve("no/such/folder/chart.svg").toString());
        assertEquals(2, missingFolder.code());
        assertTrue(missingFolder.err().contains("no such folder"), missingFolder.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(bad), left.toList(), "no temporary files left");
        }
    }

    private static List<String> svgTexts(Path svg) throws Exception {
        return SafeXml.texts(SafeXml.parse(Files.readAllBytes(svg)), SafeXml.SVG, "text");
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The label as it is (perhaps wrapped over lines), or when {@code cut} may be, cut short with an ellipsis. */
    private static boolean pdfShows(String text, String label, boolean cut) {
        if (text.contains(label) || text.replaceAll("\\s+", " ").contains(label)) {
            return true;
        }
        if (!cut) {
            return false;
        }
        for (int k = label.length() - 1; k >= 4; k--) {
            if (text.contains(label.substring(0, k).strip() + "…")) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
