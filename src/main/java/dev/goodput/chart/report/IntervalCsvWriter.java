package dev.goodput.chart.report;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.report.HumanFormat;
import dev.goodput.core.report.PrintableText;
import dev.goodput.core.report.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Every interval of a derivation's window as CSV, one row each, in time order: when, how long, productive or
 * lost to which cause, and the input line that decided it. Rows are printed as they are read (a 54-day run has
 * hundreds of thousands). {@code accelerators_in_use} is how many of the run's accelerators the state applies
 * to; the rest were idle, which the report counts as its own cause.
 */
public final class IntervalCsvWriter {
    static final String[] HEADER = {"start", "end", "duration_seconds", "state", "layer", "cause", "cause_label",
            "source", "accelerators_in_use"};

    public void write(Derivation d, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).build());
        for (Interval iv : d.intervals()) {
            Cause cause = iv.state() instanceof IntervalState.Lost lost ? lost.cause() : null;
            csv.printRecord(HumanFormat.iso(iv.startUs()), HumanFormat.iso(iv.endUs()), seconds(iv.durationUs()),
                    cause == null ? "productive" : "lost", cause == null ? "" : cause.layer().id(),
                    cause == null ? "" : cell(cause.id()), cause == null ? "" : cell(cause.label()),
                    iv.source() == null ? "" : cell(iv.source().toString()), iv.acceleratorsInUse());
        }
        csv.flush(); // not closed: out is the caller's
    }

    /** Text from the inputs: control characters shown, formulas defused ({@link SpreadsheetText}). */
    private static String cell(String text) {
        return SpreadsheetText.of(PrintableText.of(text));
    }

    /** Exact decimal seconds (never 1.0E-6), so the rows add up to the window to the microsecond. */
    private static String seconds(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
