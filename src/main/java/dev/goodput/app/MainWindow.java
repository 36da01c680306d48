package dev.goodput.app;

import dev.goodput.app.export.ExportActions;
import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.waterfall.WaterfallPanel;
import dev.goodput.app.waterfall.WaterfallViewModel;
import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.waterfall.WaterfallChart;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;

/**
 * The workbench window: menu bar, toolbar, {@link MainView} and status bar, wired to the view models, the run
 * opener, the remembered files and theme, and file drops. Everything it depends on is passed in, so tests build the
 * same window on a throw-away preferences node with a run source they control.
 */
public final class MainWindow {
    /** The window's first size, shrunk to fit smaller screens. */
    static final double WIDTH = 1440;
    static final double HEIGHT = 920;

    private final Stage stage;
    private final SummaryViewModel summary = new SummaryViewModel();
    private final LoadStatus load = new LoadStatus();
    private final RecentFiles recent;
    private final ThemeSetting theme;
    private final RunOpener opener;
    private final MainView view;
    private final List<Image> icons = AppIcons.load();

    /** The cause picked out on the waterfall and the timeline alike; null for none. */
    private final ObjectProperty<CauseKey> highlight = new SimpleObjectProperty<>();

    MainWindow(Stage stage, Preferences prefs, RunSource source, Executor executor) {
        this.stage = stage;
        this.recent = new RecentFiles(prefs);
        this.theme = new ThemeSetting(prefs);
        this.opener = new RunOpener(summary, load, recent, source, executor);
        RunFileChooser chooser = new RunFileChooser(stage);
        Runnable openDialog = () -> chooser.choose().ifPresent(opener::open);
        ObservableBooleanValue canReload = Bindings.createBooleanBinding(
                () -> !summary.filesProperty().isEmpty() && !load.isLoading(),
                summary.filesProperty(), load.loadingProperty());
        TimelinePanel timeline = new TimelinePanel(summary.derivationProperty(), summary.profilesProperty());
        WaterfallViewModel waterfallModel = new WaterfallViewModel(summary.derivationProperty(), highlight);
        WaterfallPanel waterfall = new WaterfallPanel(waterfallModel);
        waterfall.chartPane().chartStyleProperty().bind(Bindings.createObjectBinding(
                () -> theme.themeProperty().get() == Theme.DARK ? ChartStyle.screenDark() : ChartStyle.screen(),
                theme.themeProperty()));
        ExportActions export = new ExportActions(() -> stage, new ShownCharts(timeline.view(), waterfall),
                executor, load::note, prefs);
        ObservableBooleanValue canExport = summary.derivationProperty().isNotNull();
        WorkbenchCommands commands = new WorkbenchCommands(openDialog, opener::open, opener::reload, canReload,
                recent, theme.themeProperty(), () -> AboutDialog.show(stage, icons), Platform::exit, export,
                canExport);

        view = new MainView(summary, load, openDialog);
        view.setTimeline(timeline);
        timeline.view().highlightProperty().bindBidirectional(highlight);
        view.setWaterfall(waterfall);
        waterfall.setContextMenu(ExportMenu.forChart(export, ReportChart.WATERFALL));
        timeline.view().setOnContextMenuRequested(e -> ExportMenu.forChart(export, ReportChart.TIMELINE)
                .show(timeline.view(), e.getScreenX(), e.getScreenY()));
        view.setWindowBar(WindowBar.of(summary.derivationProperty(), Bindings.createObjectBinding(() -> {
            var r = timeline.view().selectedRangeProperty().get();
            return r == null ? null : new long[]{r.startUs(), r.endUs()};
        }, timeline.view().selectedRangeProperty()), opener::rederive));
        BorderPane root = new BorderPane(view.node());
        root.setTop(new VBox(WorkbenchMenuBar.of(commands), WorkbenchToolBar.of(commands)));
        root.setBottom(StatusBar.of(summary, load, opener::cancel));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(WIDTH, screen.getWidth() * 0.95),
                Math.min(HEIGHT, screen.getHeight() * 0.95));
        scene.getStylesheets().add(WorkbenchStyles.stylesheet());
        new FileDropHandler(opener::open).install(scene);
        applyTheme(theme.themeProperty().get());
        theme.themeProperty().addListener((obs, was, now) -> applyTheme(now));

        stage.setScene(scene);
        stage.titleProperty().bind(summary.titleProperty());
        stage.getIcons().setAll(icons);
    }

    /** Shows the window and opens the files (none: the empty state). */
    void show(List<Path> files) {
        stage.show();
        // Start with nothing focused, so the table does not look selected before the user touches it.
        stage.getScene().getRoot().requestFocus();
        opener.open(files);
    }

    /** Opens the files as one run, in the background; the run shown stays until the new one is read. */
    public void open(List<Path> files) {
        opener.open(files);
    }

    public void reload() {
        opener.reload();
    }

    /** Stops a load in progress; the run shown stays. */
    public void cancelLoad() {
        opener.cancel();
    }

    /** The window's content; {@link MainView#setTimeline} is where the timeline goes. */
    public MainView view() {
        return view;
    }

    /** The run shown, including its {@link SummaryViewModel#derivationProperty() derivation}. */
    public SummaryViewModel summary() {
        return summary;
    }

    /** The cause picked out on the waterfall and the timeline; null for none. */
    public ObjectProperty<CauseKey> highlightProperty() {
        return highlight;
    }

    public LoadStatus loadStatus() {
        return load;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    ThemeSetting themeSetting() {
        return theme;
    }

    Stage stage() {
        return stage;
    }

    /** AtlantaFX themes are user-agent stylesheets, so a theme applies to every window, dialogs included. */
    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    }
}
