package dev.goodput.chart.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The files a report exports to, by the name the CLI's {@code --report} and the app's menu use. */
public enum ReportExport {
    /** Markdown with the charts as images beside it. */
    MARKDOWN("md", "md"),
    /** One self-contained HTML page with inline charts. */
    HTML("html", "html"),
    /** The report's tidy CSV: goodputs, layers, causes, waterfall ({@code ReportCsvWriter}). */
    CAUSES_CSV("csv", "csv"),
    /** Every interval of the window, one row each. */
    INTERVALS_CSV("intervals-csv", "csv"),
    /** The report's JSON, as {@code goodput report --format json} prints it. */
    JSON("json", "json");

    private final String id;
    private final String extension;

    ReportExport(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name on the command line, e.g. {@code intervals-csv}. */
    public String id() {
        return id;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** An export by its {@link #id()}, in any case; {@code markdown} is taken for {@code md}. */
    public static ReportExport parse(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        if (key.equals("markdown")) {
            return MARKDOWN;
        }
        for (ReportExport e : values()) {
            if (e.id.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown report export '" + id + "': expected one of "
                + Arrays.stream(values()).map(ReportExport::id).collect(Collectors.joining(", ")));
    }
}
