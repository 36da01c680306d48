package dev.goodput.cli;

import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.report.ChartCaptions;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.report.ReportExport;
import dev.goodput.chart.report.ReportExporter;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.chart.waterfall.WaterfallUnit;
import dev.goodput.core.derive.Derivation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.goodput.cli.CommandFailure.parsed;

/**
 * {@code goodput export FILE... --chart waterfall|timeline --out PATH} draws a chart to PNG, SVG or PDF;
 * {@code --report md|html|csv|intervals-csv|json} writes a report file instead. Outputs are written whole or not
 * at all, and never over an input.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a chart (PNG, SVG, PDF) or a report (Markdown with charts, HTML, CSV, JSON) of a run: "
                + "the files are read together as one run.")
final class ExportCommand implements Callable<Integer> {
    /** Chart sides in units, and PNG pixels: outside these an export is a typo, unreadable, or out of memory. */
    static final int MIN_SIDE = 100;
    static final int MAX_SIDE = 10_000;
    static final long MAX_PNG_PIXELS = 50_000_000L;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,6})\\s*[xX×]\\s*(\\d{1,6})");

    @Spec
    CommandSpec spec;

    @Mixin
    RunInputs inputs;

    @Option(names = "--chart", paramLabel = "CHART", description = "waterfall or timeline.")
    String chart;

    @Option(names = "--report", paramLabel = "KIND",
            description = "md (Markdown, charts written beside it), html (one self-contained page), csv (report), "
                    + "intervals-csv (every interval of the window) or json.")
    String report;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "png, svg or pdf (default: from the extension of --out).")
    String format;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Pixels per chart unit of a PNG: 1, 2 or 3 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--size", defaultValue = "slide", paramLabel = "SIZE",
            description = "slide (1600x900), document (1200x600) or WxH in units: pixels at scale 1, points in "
                    + "PDF (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--style", defaultValue = "presentation", paramLabel = "STYLE",
            description = "presentation (title, subtitle, definitions, larger text) or screen (the chart alone, "
                    + "as in the workbench) (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title instead of the chart's own.")
    String title;

    @Option(names = "--subtitle", paramLabel = "TEXT",
            description = "Subtitle instead of run, window and accelerators.")
    String subtitle;

    @Option(names = "--unit", defaultValue = "fraction", paramLabel = "UNIT",
            description = "What the waterfall counts: fraction, hours (accelerator-hours) or cost "
                    + "(default: ${DEFAULT-VALUE}).")
    String unit;

    @Option(names = "--price", defaultValue = "" + WaterfallOptions.DEFAULT_PRICE, paramLabel = "PRICE",
            description = "Price of one accelerator-hour, for --unit cost (default: ${DEFAULT-VALUE}).")
    double price;

    @Option(names = "--other-threshold", paramLabel = "PERCENT",
            defaultValue = "" + WaterfallOptions.DEFAULT_OTHER_THRESHOLD * 100,
            description = "Waterfall causes under this %% of the window are grouped as Other (default: "
                    + "${DEFAULT-VALUE}; 0 shows every cause).")
    double otherThreshold;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        try {
            if ((chart == null) == (report == null)) {
                throw CommandFailure.usage("expected either --chart waterfall|timeline or --report "
                        + "md|html|csv|intervals-csv|json");
            }
            WaterfallOptions options = waterfallOptions();
            return chart != null ? exportChart(cmd, options) : exportReport(cmd, options);
        } catch (CommandFailure f) {
            return f.report(cmd);
        }
    }

    private int exportChart(CommandLine cmd, WaterfallOptions options) throws CommandFailure, IOException {
        ReportChart which = parsed(() -> ReportChart.parse(chart), "--chart waterfall or timeline", chart);
        ChartFormat fmt = format == null
                ? parsed(() -> ChartFormat.fromFileName(out.toString()),
                "--out to end in .png, .svg or .pdf, or --format", out.toString())
                : parsed(() -> ChartFormat.parse(format), "--format png, svg or pdf", format);
        if (!ChartExporter.PNG_SCALES.contains(scale)) {
            throw CommandFailure.usage("expected --scale 1, 2 or 3, found " + scale);
        }
        ChartSize chartSize = chartSize(fmt);
        boolean presentation = presentation();
        checkOutputs(List.of(out));
        Derivation d = inputs.derive(cmd);
        ChartCaptions captions = (presentation ? ChartCaptions.of(which, d.report()) : ChartCaptions.NONE)
                .withTitle(title).withSubtitle(subtitle);
        ChartStyle chartStyle = presentation ? captions.presentation() : captions.dress(ChartStyle.screen());
        try {
            ChartExporter.write(which.of(d, options), chartStyle, chartSize, fmt, scale, out);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return 0;
    }

    private int exportReport(CommandLine cmd, WaterfallOptions options) throws CommandFailure, IOException {
        ReportExport which = parsed(() -> ReportExport.parse(report), "--report md, html, csv, intervals-csv or json",
                report);
        if (format != null) {
            throw CommandFailure.usage("--format is for --chart; --report " + which.id() + " names its format");
        }
        checkOutputs(ReportExporter.files(which, out));
        Derivation d = inputs.derive(cmd);
        try {
            new ReportExporter(options).write(which, d, out);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return 0;
    }

    private WaterfallOptions waterfallOptions() throws CommandFailure {
        WaterfallUnit u = switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "fraction" -> WaterfallUnit.FRACTION;
            case "hours", "accelerator-hours" -> WaterfallUnit.ACCELERATOR_HOURS;
            case "cost" -> WaterfallUnit.COST;
            default -> throw CommandFailure.usage("expected --unit fraction, hours or cost, found \"" + unit + "\"");
        };
        if (!(price >= 0) || Double.isInfinite(price)) {
            throw CommandFailure.usage("expected --price to be 0 or more, found " + price);
        }
        if (!(otherThreshold >= 0 && otherThreshold < 100)) {
            throw CommandFailure.usage("expected --other-threshold to be a percentage from 0 to under 100, found "
                    + otherThreshold);
        }
        return WaterfallOptions.defaults().withUnit(u).withPrice(price).withOtherThreshold(otherThreshold / 100);
    }

    private boolean presentation() throws CommandFailure {
        return switch (style.strip().toLowerCase(Locale.ROOT)) {
            case "presentation" -> true;
            case "screen" -> false;
            default -> throw CommandFailure.usage("expected --style presentation or screen, found \"" + style + "\"");
        };
    }

    private ChartSize chartSize(ChartFormat fmt) throws CommandFailure {
        String s = size.strip().toLowerCase(Locale.ROOT);
        ChartSize result;
        if (s.equals("slide")) {
            result = ChartSize.SLIDE_16_9;
        } else if (s.equals("document")) {
            result = ChartSize.DOCUMENT;
        } else {
            Matcher m = SIZE.matcher(s);
            int w = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            int h = m.matches() ? Integer.parseInt(m.group(2)) : 0;
            if (Math.min(w, h) < MIN_SIDE || Math.max(w, h) > MAX_SIDE) {
                throw CommandFailure.usage("expected --size slide, document or WxH with sides from " + MIN_SIDE
                        + " to " + MAX_SIDE + " (e.g. 1920x1080), found \"" + size + "\"");
            }
            result = new ChartSize(w, h);
        }
        long pixels = (long) result.width() * result.height() * scale * scale;
        if (fmt == ChartFormat.PNG && pixels > MAX_PNG_PIXELS) {
            throw CommandFailure.usage("a " + result.width() * scale + "x" + result.height() * scale + " PNG is "
                    + "too large: expected at most " + MAX_PNG_PIXELS / 1_000_000 + " megapixels (lower --size or "
                    + "--scale, or use SVG or PDF)");
        }
        return result;
    }

    /** Refuses to write over an input, and to write into a folder that does not exist. */
    private void checkOutputs(List<Path> outputs) throws CommandFailure, IOException {
        for (Path o : outputs) {
            Path target = o.toAbsolutePath().normalize();
            Path parent = target.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw CommandFailure.badInput(o + ": cannot write: no such folder " + parent);
            }
            for (Path input : inputs.files()) {
                Path in = input.toAbsolutePath().normalize();
                if (in.equals(target) || Files.exists(target) && Files.exists(in) && Files.isSameFile(in, target)) {
                    throw CommandFailure.usage("refusing to write " + o + " over the input " + input);
                }
            }
        }
    }

    private CommandFailure cannotWrite(IOException e) {
        return CommandFailure.badInput(out + ": cannot write: " + e.getClass().getSimpleName() + " "
                + e.getMessage());
    }
}
