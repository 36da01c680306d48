package dev.goodput.core.report;

import java.util.Locale;

/** Output formats of a goodput report. */
public enum ReportFormat {
    TEXT, JSON, CSV, MARKDOWN;

    public static ReportFormat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public ReportWriter writer() {
        return switch (this) {
            case TEXT -> new ReportTextWriter();
            case JSON -> new ReportJsonWriter();
            case CSV -> new ReportCsvWriter();
            case MARKDOWN -> new ReportMarkdownWriter();
        };
    }
}
