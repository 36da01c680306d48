package dev.goodput.app;

import dev.goodput.app.export.ExportActions;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.report.ReportExport;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/** File ▸ Export (charts and the report), and each chart's context menu (export, copy). */
final class ExportMenu {
    private ExportMenu() {
    }

    static Menu of(ExportActions export, ObservableBooleanValue canExport) {
        MenuItem waterfall = item("Waterfall chart…", "menu-export-waterfall",
                () -> export.exportChart(ReportChart.WATERFALL));
        waterfall.setAccelerator(KeyboardShortcuts.accelerator("menu-export-waterfall"));
        waterfall.setGraphic(new FontIcon(MaterialDesignE.EXPORT));
        MenuItem timeline = item("Timeline chart…", "menu-export-timeline",
                () -> export.exportChart(ReportChart.TIMELINE));
        timeline.setAccelerator(KeyboardShortcuts.accelerator("menu-export-timeline"));
        Menu menu = new Menu("Export", null, waterfall, timeline,
                item("Copy waterfall to clipboard", "menu-copy-waterfall", () -> export.copyChart(ReportChart.WATERFALL)),
                item("Copy timeline to clipboard", "menu-copy-timeline", () -> export.copyChart(ReportChart.TIMELINE)),
                new SeparatorMenuItem(),
                item("Report as HTML…", "menu-export-html", () -> export.exportReport(ReportExport.HTML)),
                item("Report as Markdown…", "menu-export-md", () -> export.exportReport(ReportExport.MARKDOWN)),
                item("Intervals as CSV…", "menu-export-intervals", () -> export.exportReport(ReportExport.INTERVALS_CSV)),
                item("Causes as CSV…", "menu-export-causes", () -> export.exportReport(ReportExport.CAUSES_CSV)),
                item("Report as JSON…", "menu-export-json", () -> export.exportReport(ReportExport.JSON)));
        menu.setId("menu-export");
        menu.disableProperty().bind(Bindings.not(canExport));
        return menu;
    }

    /** Right-click on a chart: export it, or copy it for a slide. */
    static ContextMenu forChart(ExportActions export, ReportChart chart) {
        MenuItem copy = item("Copy " + chart.id() + " to clipboard", "context-copy-" + chart.id(),
                () -> export.copyChart(chart));
        copy.setGraphic(new FontIcon(MaterialDesignC.CONTENT_COPY));
        MenuItem save = item("Export " + chart.id() + "…", "context-export-" + chart.id(),
                () -> export.exportChart(chart));
        save.setGraphic(new FontIcon(MaterialDesignE.EXPORT));
        return new ContextMenu(save, copy);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
