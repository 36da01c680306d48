package dev.goodput.chart.report;

import dev.goodput.core.report.GoodputTerm;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.waterfall.WaterfallFormat;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.Problem;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The report as one HTML page that needs nothing else (no scripts, fonts, style sheets or images from
 * anywhere): the run, the four goodputs with their definitions, the waterfall and timeline as inline SVG, the
 * badput by cause and the warnings. Every piece of text from the input is escaped. The markup is also
 * well-formed XML (void elements closed, the XHTML namespace declared, only XML's own entities), so XML tools
 * can read it and a test can check it strictly.
 */
public final class HtmlReportWriter {
    /** Charts sized for a page; the style sheet scales them to the page's width. */
    static final ChartSize CHART_SIZE = ChartSize.DOCUMENT;
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static final String STYLE = """
            body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#1f2328;background:#fff;margin:0 auto;\
            max-width:1200px;padding:24px;line-height:1.45}
            h1{font-size:1.7em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .5em}
            .subtitle{color:#59636e;margin:0 0 1em}
            table{border-collapse:collapse;margin:.5em 0}th,td{border-bottom:1px solid #d1d9e0;padding:4px 10px;\
            text-align:left;vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{color:#59636e}dd{margin:0}
            figure{margin:1em 0}figure svg{width:100%;height:auto;display:block}
            figcaption{color:#59636e;font-size:.9em}code{font-size:.9em}
            .warning{color:#9a6700}.error{color:#d1242f}footer{color:#59636e;font-size:.85em;margin-top:2em}
            """;

    private final WaterfallOptions options;

    /** @param options the waterfall's unit, price and grouping */
    public HtmlReportWriter(WaterfallOptions options) {
        this.options = options;
    }

    public void write(Derivation d, Writer out) throws IOException {
        GoodputReport r = d.report();
        String name = HtmlText.escape(r.runName());
        out.write("<!DOCTYPE html>\n<html xmlns=\"" + XHTML + "\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<meta name=\"generator\" content=\"Goodput Workbench\"/>\n"
                + "<title>Goodput report: " + name + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<h1>Goodput report: " + name + "</h1>\n");
        out.write("<p class=\"subtitle\">" + HtmlText.escape(ChartCaptions.subtitle(r)) + "</p>\n");
        summary(r, out);
        goodputs(r, out);
        for (ReportChart chart : ReportChart.values()) {
            figure(d, chart, out);
        }
        badput(r, out);
        warnings(r, out);
        out.write("<footer>Written by Goodput Workbench. Times are UTC; seconds are window-equivalent "
                + "(accelerator-seconds ÷ accelerators), so productive time and every cause add up to the window."
                + "</footer>\n</body>\n</html>\n");
        out.flush();
    }

    private static void summary(GoodputReport r, Writer out) throws IOException {
        out.write("<h2>Run</h2>\n<dl>\n");
        item(out, "Run", r.runName());
        item(out, "Window", HumanFormat.iso(r.windowStartUs()) + " – " + HumanFormat.iso(r.windowEndUs()) + " ("
                + HumanFormat.duration(r.windowSeconds()) + ")");
        item(out, "Accelerators", String.format(Locale.ROOT, "%,d", r.accelerators()));
        item(out, "Available", HumanFormat.duration(r.availableSeconds()));
        item(out, "Productive", HumanFormat.duration(r.productiveSeconds()));
        item(out, "Disruptions", Integer.toString(r.disruptions()));
        item(out, "Intervals", Integer.toString(r.intervalCount()));
        item(out, "Inputs", String.join(", ", r.inputFiles()));
        out.write("</dl>\n");
    }

    private static void item(Writer out, String term, String value) throws IOException {
        out.write("<dt>" + HtmlText.escape(term) + "</dt><dd>" + HtmlText.escape(value) + "</dd>\n");
    }

    private static void goodputs(GoodputReport r, Writer out) throws IOException {
        out.write("<h2>Goodput</h2>\n<table>\n<thead><tr><th>Measure</th><th class=\"num\">This window</th>"
                + "<th>Formula</th><th>Meaning</th></tr></thead>\n<tbody>\n");
        for (GoodputTerm t : GoodputTerm.values()) {
            out.write("<tr><th>" + HtmlText.escape(t.title()) + "</th><td class=\"num\">"
                    + HtmlText.escape(HumanFormat.pct(t.of(r.goodput()))) + "</td><td>" + HtmlText.escape(t.formula())
                    + "</td><td>" + HtmlText.escape(t.meaning()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    /**
     * The chart as inline SVG in the screen style: no title or caption inside (the page has them), and text at
     * the page's size when the chart is shown at its own width.
     */
    private void figure(Derivation d, ReportChart chart, Writer out) throws IOException {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        ChartExporter.write(chart.of(d, options), ChartStyle.screen(), CHART_SIZE,
                ChartFormat.SVG, 1, svg);
        out.write("<h2>" + HtmlText.escape(chart.title()) + "</h2>\n<figure>\n");
        InlineSvg.write(svg.toByteArray(), chart.id() + "-", chart.title(), out);
        out.write("\n<figcaption>" + HtmlText.escape(chart.description()) + "</figcaption>\n</figure>\n");
    }

    private static void badput(GoodputReport r, Writer out) throws IOException {
        out.write("<h2>Badput by cause</h2>\n<table>\n<thead><tr><th>Layer</th><th>Cause</th><th class=\"num\">Time"
                + "</th><th class=\"num\">% of window</th><th class=\"num\">Accelerator-hours</th>"
                + "<th class=\"num\">Intervals</th></tr></thead>\n<tbody>\n");
        for (CauseShare c : r.badput()) {
            out.write("<tr><td>" + c.layer().id() + "</td><td>" + HtmlText.escape(c.label()) + " <code>"
                    + HtmlText.escape(c.cause()) + "</code></td><td class=\"num\">"
                    + HumanFormat.duration(c.seconds()) + "</td><td class=\"num\">" + HumanFormat.pct(c.fraction())
                    + "</td><td class=\"num\">" + WaterfallFormat.hoursFigure(c.acceleratorHours())
                    + "</td><td class=\"num\">" + (c.countsSteps() ? c.countText() : c.intervals()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    private static void warnings(GoodputReport r, Writer out) throws IOException {
        if (r.warnings().isEmpty()) {
            return;
        }
        out.write("<h2>Warnings</h2>\n<ul>\n");
        for (Problem p : r.warnings()) {
            String severity = p.severity().name().toLowerCase(Locale.ROOT);
            out.write("<li class=\"" + severity + "\">" + severity + ": "
                    + (p.source() == null ? "" : "<code>" + HtmlText.escape(p.source().toString()) + "</code> ")
                    + HtmlText.escape(p.message()) + "</li>\n");
        }
        out.write("</ul>\n");
    }
}
