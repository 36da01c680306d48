package dev.goodput.chart.report;

import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.io.AtomicFile;
import dev.goodput.core.report.ReportCsvWriter;
import dev.goodput.core.report.ReportJsonWriter;
import dev.goodput.core.report.ReportWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a derivation's report to files, one method per format, for the workbench's export menu and the
 * CLI's {@code export --report}. Every file is UTF-8 and replaced atomically (whole or not at all).
 */
public final class ReportExporter {
    private final WaterfallOptions options;

    /** @param options the waterfall's unit, price and grouping, for the exports that draw it */
    public ReportExporter(WaterfallOptions options) {
        this.options = options;
    }

    /** {@code file} and, for Markdown, the chart images written beside it. */
    public static List<Path> files(ReportExport export, Path file) {
        return export == ReportExport.MARKDOWN ? MarkdownReportWriter.files(file) : List.of(file);
    }

    /** Writes {@code d} as {@code export} to {@code file} (and, for Markdown, its charts beside it). */
    public void write(ReportExport export, Derivation d, Path file) throws IOException {
        switch (export) {
            case MARKDOWN -> new MarkdownReportWriter(options).write(d, file);
            case HTML -> AtomicFile.writeText(file, w -> new HtmlReportWriter(options).write(d, w));
            case CAUSES_CSV -> report(new ReportCsvWriter(), d, file);
            case INTERVALS_CSV -> AtomicFile.writeText(file, w -> new IntervalCsvWriter().write(d, w));
            case JSON -> report(new ReportJsonWriter(), d, file);
        }
    }

    private static void report(ReportWriter writer, Derivation d, Path file) throws IOException {
        AtomicFile.writeText(file, w -> writer.write(d.report(), w));
    }
}
