package dev.goodput.core.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a report in one format. */
public interface ReportWriter {
    void write(GoodputReport report, Writer out) throws IOException;
}
