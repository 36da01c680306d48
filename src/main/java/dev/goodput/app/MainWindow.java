package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.export.ExportActions;
import dev.goodput.app.source.SourceLineViewer;
import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.app.waterfall.WaterfallPanel;
import dev.goodput.app.waterfall.WaterfallViewModel;
import dev.goodput.app.workspace.Autosaver;
import dev.goodput.app.workspace.WorkspaceActions;
import dev.goodput.app.workspace.WorkspaceDocument;
import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.timeline.FaultText;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Source;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * The workbench window: menu bar, toolbar, {@link MainView} and status bar, wired to the view models, the run
 * opener, the remembered files and theme, and file drops. Everything it depends on is passed in, so tests build the
 * same window on a throw-away preferences node with a run source they control.
 */
public final class MainWindow {
    private final Stage stage;
    private final SummaryViewModel summary = new SummaryViewModel();
    private final LoadStatus load = new LoadStatus();
    private final RecentFiles recent;
    private final ThemeSetting theme;
    private final ReadLimitSettings limits;
    private final RunOpener opener;
    private final MainView view;
    private final LayoutSettings layout;
    private final List<Image> icons = AppIcons.load();

    /** The cause picked out on the waterfall and the timeline alike; null for none. */
    private final ObjectProperty<CauseKey> highlight = new SimpleObjectProperty<>();
    private final AttributionSession session = new AttributionSession();
    private final WorkspaceDocument document;
    private final Autosaver autosaver;
    private final WorkspaceActions workspace;
    /** One writer for autosaves, so they never overlap; a daemon, so it never keeps the app alive. */
    private final ExecutorService autosaveWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autosave");
        t.setDaemon(true);
        return t;
    });

    MainWindow(Stage stage, Preferences prefs, RunSource source, Executor executor, Path appFolder,
               BiFunction<Stage, AttributionSession, WorkbenchPrompts> promptsFor) {
        this.stage = stage;
        this.recent = new RecentFiles(prefs);
        this.theme = new ThemeSetting(prefs);
        this.limits = new ReadLimitSettings(prefs);
        WorkbenchPrompts prompts = promptsFor.apply(stage, session);
        this.document = new WorkspaceDocument(appFolder);
        this.autosaver = new Autosaver(document, autosaveWriter, load::note);
        this.opener = new RunOpener(summary, load, recent, source, executor, session, document, prompts.workspace(),
                autosaver);
        this.workspace = new WorkspaceActions(document, session, autosaver, prompts.workspace(), prompts.merge(),
                executor, load::note, recent::add);
        followEdits();

        RunFileChooser chooser = new RunFileChooser(stage);
        Runnable openDialog = () -> chooser.choose().ifPresent(this::open);
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
        timeline.view().chartStyleProperty().bind(waterfall.chartPane().chartStyleProperty());
        timeline.view().faultRolesProperty().bind(Bindings.createObjectBinding(() -> {
            var overlay = session.overlayProperty().get();
            return overlay == null ? List.of() : overlay.faultRoles();
        }, session.overlayProperty()));
        // A record's raw line, read off the FX thread into a viewer over the window.
        Consumer<Source> openLine = s -> SourceLineViewer.show(stage, s, executor);
        timeline.view().setOnOpenFault(f -> openLine.accept(f.source()));
        AttributionPane attribution = new AttributionPane(session, prompts, load::note, timeline.view(), openLine);
        UnattributedNavigator navigator = new UnattributedNavigator(session, timeline.view(),
                load::note);
        RangeTagger rangeTagger = new RangeTagger(session, timeline.view(), prompts.tag(), load::note);
        ObservableBooleanValue hasRun = document.openProperty();
        WorkspaceCommands workspaceCommands = new WorkspaceCommands(this::close, workspace::save, workspace::saveAs,
                workspace::exportAttributions, workspace::importAttributions, hasRun);
        EditCommands edit = new EditCommands(session::undo, session::redo, session.canUndoProperty(),
                session.canRedoProperty(), session.undoTextProperty(), session.redoTextProperty(),
                rangeTagger::tagSelectedRange, rangeTagger.canTagProperty(), navigator::next, navigator::previous,
                hasRun, attribution::newRuleFromPickedRow, attribution.intervalPickedProperty(),
                attribution::openPickedLine, attribution.linePickedProperty(),
                new CauseColourCommands(session, prompts.colour(), summary::getDerivation), highlight);
        layout = new LayoutSettings(prefs);
        view = new MainView(summary, load, openDialog, layout);
        TimelineView timelineView = timeline.view();
        ViewCommands viewCommands = new ViewCommands(timelineView::zoomIn, timelineView::zoomOut,
                timelineView::zoomToFit, canExport, timeline::laneVisibleProperty, timeline.legendVisibleProperty(),
                view.breakdownWantedProperty(), view.problemsWantedProperty(),
                Bindings.isNotEmpty(summary.problemsProperty()), layout::reset, () -> ShortcutsDialog.show(stage));
        WorkbenchCommands commands = new WorkbenchCommands(openDialog, this::open, this::reload, canReload,
                recent, theme.themeProperty(), () -> AboutDialog.show(stage, icons), this::quit, export,
                canExport, workspaceCommands, edit, viewCommands, () -> PreferencesDialog.ask(stage,
                limits.limits()).ifPresent(limits::save));

        view.setTimeline(timeline);
        view.setAttribution(attribution.node());
        view.setNotices(NoticeBar.of(document.noticesProperty()));
        timeline.view().highlightProperty().bindBidirectional(highlight);
        view.setWaterfall(waterfall);
        waterfall.setContextMenu(cause -> CauseColourMenu.of(ExportMenu.forChart(export, ReportChart.WATERFALL),
                cause, edit.colours()));
        timeline.view().setOnContextMenuRequested(e -> {
            ContextMenu menu = ExportMenu.forChart(export, ReportChart.TIMELINE);
            // On a fault's mark (or, from the keyboard, with a fault picked): its raw line first.
            FaultEvent fault = e.isKeyboardTrigger() ? timeline.view().pickedFaultProperty().get()
                    : timeline.view().faultAt(e.getX(), e.getY());
            if (fault != null) {
                MenuItem item = new MenuItem("Open Raw Line (" + FaultText.where(fault.source()) + ")");
                item.setId("context-open-line");
                item.setOnAction(a -> openLine.accept(fault.source()));
                menu.getItems().addAll(0, List.of(item, new SeparatorMenuItem()));
            }
            menu.show(timeline.view(), e.getScreenX(), e.getScreenY());
        });
        var windowBar = WindowBar.of(summary.derivationProperty(), Bindings.createObjectBinding(() -> {
            var r = timeline.view().selectedRangeProperty().get();
            return r == null ? null : new long[]{r.startUs(), r.endUs()};
        }, timeline.view().selectedRangeProperty()), opener::rederive);
        BorderPane root = new BorderPane(view.node());
        root.setTop(new VBox(WorkbenchMenuBar.of(commands), WorkbenchToolBar.of(commands, windowBar)));
        root.setBottom(StatusBar.of(summary, load, opener::cancel, view::toggleProblems));

        WindowPlacement placement = new WindowPlacement(prefs);
        WindowPlacement.Placement where = placement.placement();
        Scene scene = new Scene(root, where.width(), where.height());
        placement.apply(stage, where, scene);
        scene.getStylesheets().add(WorkbenchStyles.stylesheet());
        new FileDropHandler(this::open).install(scene);
        WindowKeys.install(scene, timelineView, () -> {
            highlight.set(null);
            timelineView.clearSelection();
        });
        // A menu item has one accelerator; its other keys (Ctrl+Plus beside Ctrl+=) are the window's.
        Map.of("menu-zoom-in", viewCommands.zoomIn(), "menu-zoom-out", viewCommands.zoomOut(),
                "menu-fit", viewCommands.fit()).forEach((id, action) -> KeyboardShortcuts.alternatives(id)
                .forEach(key -> scene.getAccelerators().put(key, action)));
        applyTheme(theme.themeProperty().get());
        theme.themeProperty().addListener((obs, was, now) -> applyTheme(now));

        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, summary.titleProperty(),
                document.nameProperty(), document.dirtyProperty(), document.fileProperty()));
        stage.getIcons().setAll(icons);
        // Closing the window with unsaved edits asks first; "Cancel" keeps it open.
        stage.setOnCloseRequest(e -> {
            if (!workspace.confirmClose()) {
                e.consume();
            }
        });
    }

    /**
     * Every edit, undo or redo re-derives at once: the figures, waterfall and timeline show the attributed
     * derivation, the document knows what is unsaved, and the autosave follows.
     */
    private void followEdits() {
        // Also a derivation equal to the last: re-published for new cause colours, the charts draw it again.
        session.derivationProperty().addListener(obs -> {
            Derivation d = session.derivationProperty().get();
            Derivation shown = summary.getDerivation();
            // A new run is shown by the opener, with its files; here only edits and new windows of the run shown.
            if (d != null && shown != null && d.run() == shown.run()) {
                summary.showEdited(d, session.attribution().ruleWarnings());
            }
        });
        session.overlayProperty().addListener((obs, was, o) -> document.setOverlay(o));
        session.chosenColoursProperty().addListener((obs, was, c) -> document.setChosenColours(c));
        session.revisionProperty().addListener((obs, was, now) -> autosaver.changed());
    }

    /** With the start-up trace on: marks the derivation's arrival and the first frame drawn after it. */
    private void traceFirstFigures() {
        if (!StartupTrace.on()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            StartupTrace.mark("first frame (the load's progress)");
            stage.getScene().removePostLayoutPulseListener(once[0]);
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
        summary.derivationProperty().addListener((obs, was, d) -> {
            if (d != null && was == null) {
                StartupTrace.mark("run read and derived, in the view models");
                stage.getScene().addPostLayoutPulseListener(StartupTrace::figuresDrawn);
            }
        });
    }

    /** "Goodput Workbench — run — name.goodput *": the star while something is unsaved. */
    private String title() {
        String t = summary.titleProperty().get();
        if (document.getFile() != null) {
            t += " — " + document.nameProperty().get();
        }
        return document.isDirty() ? t + " *" : t;
    }

    /**
     * Shows the window and opens the files (none: the empty state). Edits autosaved but never saved are offered
     * back first: those of the files opening when they open, those of another untitled workspace here.
     */
    void show(List<Path> files) {
        show(files, true);
    }

    /** @param offerOthers false when the user named the files (on the command line): open those, ask nothing else */
    void show(List<Path> files, boolean offerOthers) {
        traceFirstFigures();
        stage.show();
        StartupTrace.mark("window shown");
        // Start with nothing focused, so the table does not look selected before the user touches it.
        stage.getScene().getRoot().requestFocus();
        if (!offerOthers || !opener.offerUntitledRecovery(files)) {
            opener.open(files);
        }
    }

    /**
     * Opens the files as one run, or one workspace file, in the background; the run shown stays until the new one
     * is read. Then unsaved changes to the workspace shown are saved or discarded, as the user says (or the new run
     * is dropped): a file that fails to open asks nothing. An empty list (File ▸ Close) asks first.
     */
    public void open(List<Path> files) {
        if (!files.isEmpty()) {
            opener.open(files, workspace::confirmClose);
        } else if (workspace.confirmClose()) {
            opener.open(files);
        }
    }

    /** Reads the inputs again; the attributions and their undo history stay. */
    public void reload() {
        opener.reload();
    }

    /** Derives the run shown over another window, keeping its attributions (what the window bar does). */
    void rederive(Window window) {
        opener.rederive(window);
    }

    /** File ▸ Close: back to the empty state, after asking about unsaved changes. */
    public void close() {
        open(List.of());
    }

    private void quit() {
        if (workspace.confirmClose()) {
            Platform.exit();
        }
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

    /** The attributions being edited, with undo and redo. */
    public AttributionSession session() {
        return session;
    }

    /** The workspace shown: its file, whether it is saved, the notices about its inputs. */
    public WorkspaceDocument document() {
        return document;
    }

    WorkspaceActions workspaceActions() {
        return workspace;
    }

    /**
     * On exit: lets the autosave writer finish what it was given (a last write, or the removal of an autosave the
     * user chose not to keep), for at most two seconds; its thread is a daemon and would otherwise die mid-way.
     */
    void shutdown() {
        autosaveWriter.shutdown();
        try {
            autosaveWriter.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes pending autosaves now and waits for them (tests; closing). */
    void flushAutosave() throws InterruptedException, ExecutionException {
        autosaver.flush();
        autosaveWriter.submit(() -> { }).get();
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
