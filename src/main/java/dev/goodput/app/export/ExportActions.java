package dev.goodput.app.export;

import dev.goodput.app.ChartImages;
import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.report.ChartCaptions;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.report.ReportExport;
import dev.goodput.chart.report.ReportExporter;
import dev.goodput.core.derive.Derivation;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * File ▸ Export and the charts' context menus: a chart to PNG, SVG or PDF (asked how in a dialog), a chart to
 * the clipboard, and the report to Markdown, HTML, CSV or JSON. Files are written off the FX thread; the
 * outcome goes to the status bar.
 */
public final class ExportActions {
    private static final String LAST_DIRECTORY = "exportDirectory";

    /** What the window shows now: the derivation, and how to build each chart as it looks on screen. */
    public interface Source {
        Derivation derivation();

        /** The chart as the user set it up (waterfall options, timeline range). */
        Chart chart(ReportChart which, Derivation d);

        /** Its size on screen, for the "as shown" preset. */
        ChartSize shownSize(ReportChart which);

        ChartStyle screenStyle();

        dev.goodput.chart.waterfall.WaterfallOptions waterfallOptions();
    }

    private final Supplier<Window> owner;
    private final Source source;
    private final Executor executor;
    private final Consumer<String> status;
    private final Preferences prefs;

    public ExportActions(Supplier<Window> owner, Source source, Executor executor, Consumer<String> status,
                         Preferences prefs) {
        this.owner = owner;
        this.source = source;
        this.executor = executor;
        this.status = status;
        this.prefs = prefs;
    }

    /** Asks how, then where, and writes the chart. */
    public void exportChart(ReportChart which) {
        Derivation d = source.derivation();
        if (d == null) {
            return;
        }
        ChartCaptions captions = ChartCaptions.of(which, d.report());
        ChartExportSettings settings = ChartExportDialog.ask(owner.get(), which.id(),
                ChartExportSettings.defaults(captions)).orElse(null);
        if (settings == null) {
            return;
        }
        File file = chooseFile("Export " + which.id(), settings.fileName(d.report().runName(), which.id()),
                settings.format().name() + " files", settings.format().extension());
        if (file == null) {
            return;
        }
        Chart chart = source.chart(which, d);
        ChartStyle style = settings.style(captions, source.screenStyle());
        ChartSize size = settings.size().size(source.shownSize(which).width(), source.shownSize(which).height());
        write(file.toPath(), path -> {
            ChartExporter.write(chart, style, size, settings.format(), settings.scale(), path);
            return String.format(Locale.ROOT, "Exported the %s to %s (%s, %d × %d)", which.id(), path.getFileName(),
                    settings.format(), size.width() * (settings.format().isVector() ? 1 : settings.scale()),
                    size.height() * (settings.format().isVector() ? 1 : settings.scale()));
        });
    }

    /** The chart, dressed for a slide (16:9, presentation style), as an image on the clipboard. */
    public void copyChart(ReportChart which) {
        Derivation d = source.derivation();
        if (d == null) {
            return;
        }
        ChartCaptions captions = ChartCaptions.of(which, d.report());
        ChartStyle style = captions.presentation();
        ClipboardContent content = new ClipboardContent();
        content.putImage(ChartImages.render(source.chart(which, d), style, ChartSize.SLIDE_16_9, 1));
        Clipboard.getSystemClipboard().setContent(content);
        status.accept("Copied the " + which.id() + " to the clipboard");
    }

    /** Asks where, and writes the report in that form. */
    public void exportReport(ReportExport kind) {
        Derivation d = source.derivation();
        if (d == null) {
            return;
        }
        String name = ChartExportSettings.baseName(d.report().runName()) + (kind == ReportExport.INTERVALS_CSV ? "-intervals" : "-report")
                + "." + kind.extension();
        File file = chooseFile("Export report", name, kind.id().toUpperCase(Locale.ROOT) + " files",
                kind.extension());
        if (file == null) {
            return;
        }
        ReportExporter exporter = new ReportExporter(source.waterfallOptions());
        write(file.toPath(), path -> {
            exporter.write(kind, d, path);
            return "Exported the report to " + path.getFileName() + " (" + kind.id() + ")";
        });
    }

    private File chooseFile(String title, String initialName, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        String last = prefs.get(LAST_DIRECTORY, null);
        if (last != null && Files.isDirectory(Path.of(last))) {
            chooser.setInitialDirectory(new File(last));
        }
        File file = chooser.showSaveDialog(owner.get());
        if (file != null && file.getParentFile() != null) {
            prefs.put(LAST_DIRECTORY, file.getParentFile().getAbsolutePath());
        }
        return file;
    }

    /** A file-writing step that says what it did. */
    @FunctionalInterface
    interface Writing {
        String write(Path path) throws Exception;
    }

    private void write(Path file, Writing writing) {
        status.accept("Exporting to " + file.getFileName() + "…");
        Function<Throwable, String> failure = e -> "Could not export to " + file.getFileName() + ": "
                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        CompletableFuture.supplyAsync(() -> {
            try {
                return writing.write(file);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor).handle((done, error) -> error == null ? done : failure.apply(error))
                .thenAccept(message -> Platform.runLater(() -> status.accept(message)));
    }
}
