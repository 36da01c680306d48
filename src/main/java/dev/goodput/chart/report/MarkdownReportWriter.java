package dev.goodput.chart.report;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.io.AtomicFile;
import dev.goodput.core.report.ReportMarkdownWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown report ({@link ReportMarkdownWriter}'s text) with the charts embedded as images written beside
 * it: {@code NAME.md}, and per chart {@code NAME-waterfall.svg} (shown: sharp at any zoom, text searchable)
 * and a 2× {@code NAME-waterfall.png} linked under it, for converters and wikis that cannot show SVG. The
 * charts are written first and the Markdown last, each file atomically, so the report never links a chart
 * that is not there yet.
 */
public final class MarkdownReportWriter {
    /** Charts carry their own title, run and definitions, so each file stands alone when copied out. */
    static final ChartSize CHART_SIZE = ChartSize.DOCUMENT;
    static final int PNG_SCALE = 2;

    private final WaterfallOptions options;

    /** @param options the waterfall's unit, price and grouping */
    public MarkdownReportWriter(WaterfallOptions options) {
        this.options = options;
    }

    /** Every file {@link #write} writes for {@code markdown}: the report, then each chart's SVG and PNG. */
    public static List<Path> files(Path markdown) {
        List<Path> files = new ArrayList<>(List.of(markdown));
        for (ReportChart chart : ReportChart.values()) {
            files.add(chartFile(markdown, chart, ChartFormat.SVG));
            files.add(chartFile(markdown, chart, ChartFormat.PNG));
        }
        return files;
    }

    /** Writes {@code markdown} and its charts beside it. */
    public void write(Derivation d, Path markdown) throws IOException {
        for (ReportChart chart : ReportChart.values()) {
            ChartStyle style = ChartCaptions.of(chart, d.report()).presentation();
            Chart drawn = chart.of(d, options);
            ChartExporter.write(drawn, style, CHART_SIZE, ChartFormat.SVG, 1, chartFile(markdown, chart,
                    ChartFormat.SVG));
            ChartExporter.write(drawn, style, CHART_SIZE, ChartFormat.PNG, PNG_SCALE, chartFile(markdown, chart,
                    ChartFormat.PNG));
        }
        AtomicFile.writeText(markdown, w -> {
            new ReportMarkdownWriter().write(d.report(), w);
            charts(markdown, w);
        });
    }

    private static void charts(Path markdown, Writer w) throws IOException {
        w.write("\n## Charts\n");
        for (ReportChart chart : ReportChart.values()) {
            String svg = chartFile(markdown, chart, ChartFormat.SVG).getFileName().toString();
            String png = chartFile(markdown, chart, ChartFormat.PNG).getFileName().toString();
            w.write("\n![" + chart.title() + "](" + link(svg) + ")\n\n" + chart.description() + " (PNG: ["
                    + png.replace("[", "\\[").replace("]", "\\]") + "](" + link(png) + "))\n");
        }
    }

    /** {@code NAME-waterfall.svg} beside {@code NAME.md}. */
    static Path chartFile(Path markdown, ReportChart chart, ChartFormat format) {
        String file = markdown.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        return markdown.resolveSibling(stem + "-" + chart.id() + "." + format.extension());
    }

    /**
     * A relative link every Markdown reader follows: all but unreserved characters percent-encoded as UTF-8
     * (spaces, parentheses and brackets would otherwise end or break the link).
     */
    static String link(String fileName) {
        StringBuilder b = new StringBuilder();
        for (byte x : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xFF));
            }
        }
        return b.toString();
    }
}
