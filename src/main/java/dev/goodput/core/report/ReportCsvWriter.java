package dev.goodput.core.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/**
 * A tidy CSV report: one row per figure, {@code section,layer,cause,label,seconds,fraction}, so scripts
 * can filter by section (goodput, badput, layer, waterfall, summary). Summary rows with a count (disruptions,
 * slow steps) carry it in the fraction column. Causes and labels from the input show their control characters
 * (Commons CSV quotes the rest), and one that a spreadsheet would run as a formula starts with an apostrophe
 * ({@link SpreadsheetText}).
 */
public final class ReportCsvWriter implements ReportWriter {
    @Override
    public void write(GoodputReport r, Writer w) throws IOException {
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                .setHeader("section", "layer", "cause", "label", "seconds", "fraction").build());
        csv.printRecord("summary", "", "window", "Window", r.windowSeconds(), 1.0);
        csv.printRecord("summary", "", "available", "Available", r.availableSeconds(),
                r.windowSeconds() > 0 ? r.availableSeconds() / r.windowSeconds() : 0);
        csv.printRecord("summary", "", "productive", "Productive", r.productiveSeconds(),
                r.windowSeconds() > 0 ? r.productiveSeconds() / r.windowSeconds() : 0);
        csv.printRecord("summary", "", "disruptions", "Disruptions", "", r.disruptions());
        csv.printRecord("summary", "model", "slow_steps", "Slow steps", "", r.slowSteps().steps());
        Goodputs g = r.goodput();
        csv.printRecord("goodput", "infra", "", "Infra goodput", "", g.infra());
        csv.printRecord("goodput", "framework", "", "Framework goodput", "", g.framework());
        csv.printRecord("goodput", "model", "", "Model goodput (MFU)", "", g.model() == null ? "" : g.model());
        csv.printRecord("goodput", "", "overall", "Overall goodput", "", g.overall() == null ? "" : g.overall());
        for (LayerShare l : r.layers()) {
            csv.printRecord("layer", l.layer().id(), "", l.layer().id(), l.seconds(), l.fraction());
        }
        for (CauseShare c : r.badput()) {
            csv.printRecord("badput", c.layer().id(), cell(c.cause()), cell(c.label()), c.seconds(), c.fraction());
        }
        for (WaterfallStep s : r.waterfall()) {
            csv.printRecord("waterfall", s.layer() == null ? "" : s.layer().id(), s.cause() == null ? s.kind()
                    : cell(s.cause()), cell(s.label()), s.seconds(), s.fraction());
        }
        csv.flush();
    }

    /** Text from the inputs: control characters shown, formulas defused. */
    private static String cell(String text) {
        return SpreadsheetText.of(PrintableText.of(text));
    }
}
