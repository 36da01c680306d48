package dev.goodput.chart.report;

import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.io.AtomicFile;
import dev.goodput.core.report.ReportCsvWriter;
import dev.goodput.core.report.ReportJsonWriter;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report export writes the files it names, whole, replacing old ones; the CSV and JSON are the CLI's. */
class ReportExporterTest {
    @TempDir
    Path dir;

    private final ReportExporter exporter = new ReportExporter(WaterfallOptions.defaults());

    @ParameterizedTest
    @EnumSource(ReportExport.class)
    void writesTheFilesItNamesAndNothingElse(ReportExport export) throws Exception {
        Path file = dir.resolve("run." + export.extension());
        Files.writeString(file, "old");
        exporter.write(export, SampleRuns.derive(SampleRuns.CLEAN), file);
        List<Path> expected = ReportExporter.files(export, file);
        for (Path p : expected) {
            assertTrue(Files.size(p) > 0, p.toString());
        }
        assertTrue(!Files.readString(file, UTF_8).equals("old"), "replaced");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(expected.stream().sorted().toList(), files.sorted().toList());
        }
    }

    @Test
    void jsonAndCausesCsvAreTheReportsOwn() throws Exception {
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        StringWriter json = new StringWriter();
        new ReportJsonWriter().write(d.report(), json);
        StringWriter csv = new StringWriter();
        new ReportCsvWriter().write(d.report(), csv);
        exporter.write(ReportExport.JSON, d, dir.resolve("r.json"));
        exporter.write(ReportExport.CAUSES_CSV, d, dir.resolve("r.csv"));
        assertEquals(json.toString(), Files.readString(dir.resolve("r.json"), UTF_8));
        assertEquals(csv.toString(), Files.readString(dir.resolve("r.csv"), UTF_8));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "the previous report");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeText(file, w -> {
            w.write("half a report");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("the previous report", Files.readString(file, UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void exportsAreNamedAsOnTheCommandLine() {
        assertEquals(ReportExport.MARKDOWN, ReportExport.parse("md"));
        assertEquals(ReportExport.MARKDOWN, ReportExport.parse("Markdown"));
        assertEquals(ReportExport.INTERVALS_CSV, ReportExport.parse(" INTERVALS-CSV "));
        assertEquals(ReportExport.CAUSES_CSV, ReportExport.parse("csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportExport.parse("xml"));
        assertEquals("unknown report export 'xml': expected one of md, html, csv, intervals-csv, json",
                e.getMessage());
        assertEquals(ReportChart.TIMELINE, ReportChart.parse("Timeline"));
        assertThrows(IllegalArgumentException.class, () -> ReportChart.parse("pie"));
    }
}
