package dev.goodput.app;

import dev.goodput.core.report.GoodputTerm;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The window's content: the run's name, the four goodput figures, the timeline (the largest area) with the
 * attribution table beside it and, under them, a breakdown that can be hidden: the waterfall beside the badput table
 * and (only when there are problems) the Problems panel. The splits are {@link DockedSplit}s the user resizes,
 * remembered in the {@link LayoutSettings}. With no run open it shows an invitation to open one instead. Binds to
 * the view models and holds no logic beyond choosing which pane shows.
 */
public final class MainView {
    static final String TIMELINE_PLACEHOLDER_TEXT = "Timeline";
    /** The timeline's lanes, axis and overview: below this the page scrolls. */
    static final double TIMELINE_MIN_HEIGHT = 330;
    /** The timeline and the attribution table with eight rows: the breakdown under them gets only what is left. */
    private static final double TOP_NEED = 450;
    /** The breakdown's least useful height (the waterfall's bars and labels); shorter, it starts hidden. */
    private static final double BOTTOM_NEED = 190;
    private static final double BOTTOM_MIN_HEIGHT = 160;

    private final StackPane root;
    private final StackPane timelineSlot = new StackPane();
    private final Label timelinePlaceholder = new Label(TIMELINE_PLACEHOLDER_TEXT);
    private final StackPane waterfallSlot = new StackPane();
    private final StackPane attributionSlot = new StackPane();
    private final StackPane noticeSlot = new StackPane();
    private DockedSplit mainSplit;
    private DockedSplit problemsSplit;

    MainView(SummaryViewModel summary, LoadStatus load, Runnable openDialog, LayoutSettings layout) {
        timelinePlaceholder.getStyleClass().add(WorkbenchStyles.TIMELINE_PLACEHOLDER);
        timelineSlot.getStyleClass().add(WorkbenchStyles.TIMELINE_SLOT);
        timelineSlot.setId("timeline-slot");
        timelineSlot.setMinHeight(TIMELINE_MIN_HEIGHT);
        // On a short window the timeline overflows its slot: its lanes stay in view from the top, and what does not
        // fit (the overview, the key) is cut at the slot's edge rather than drawn over the waterfall.
        timelineSlot.setAlignment(Pos.TOP_LEFT);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(timelineSlot.widthProperty());
        clip.heightProperty().bind(timelineSlot.heightProperty());
        timelineSlot.setClip(clip);
        setTimeline(null);

        Node run = runPane(summary, layout);
        Node empty = emptyPane(load, openDialog);
        ObservableBooleanValue nothingOpen = Bindings.createBooleanBinding(
                () -> summary.stateProperty().get() == SummaryViewModel.State.EMPTY, summary.stateProperty());
        // Only hidden, not unmanaged: the run pane keeps being laid out at full size, so its split panes never see a
        // zero size, which would squash their dividers before the first run arrives.
        run.visibleProperty().bind(Bindings.not(nothingOpen));
        empty.visibleProperty().bind(nothingOpen);
        root = new StackPane(run, empty);
        root.getStyleClass().add(WorkbenchStyles.MAIN_VIEW);
    }

    public Node node() {
        return root;
    }

    /**
     * Puts the run's timeline in its slot, the large area under the figures; {@code null} brings back the empty-state
     * label. The node is shown as it is: it should bind to {@link SummaryViewModel#derivationProperty()} itself.
     */
    public void setTimeline(Node timeline) {
        timelineSlot.getChildren().setAll(timeline == null ? timelinePlaceholder : timeline);
    }

    /** The node in the timeline slot: the timeline, or the empty-state label. */
    public Node getTimeline() {
        return timelineSlot.getChildren().get(0);
    }

    /** Puts the badput waterfall beside the tables, under the timeline. */
    public void setWaterfall(Node waterfall) {
        waterfallSlot.getChildren().setAll(waterfall);
    }

    /** Puts the attribution table and rules beside the timeline. */
    public void setAttribution(Node attribution) {
        attributionSlot.getChildren().setAll(attribution);
    }

    /** Puts a warning strip (inputs changed since the save) above the figures. */
    public void setNotices(Node notices) {
        noticeSlot.getChildren().setAll(notices);
        // The strip hides itself; the slot follows, so no gap is left in the column.
        noticeSlot.managedProperty().bind(notices.managedProperty());
        noticeSlot.visibleProperty().bind(notices.visibleProperty());
    }

    private Node runPane(SummaryViewModel summary, LayoutSettings layout) {
        Label name = new Label();
        name.textProperty().bind(summary.runNameProperty());
        name.getStyleClass().add(WorkbenchStyles.RUN_NAME);
        name.setId("run-name");
        Label details = new Label();
        details.textProperty().bind(summary.runDetailsProperty());
        details.getStyleClass().add(WorkbenchStyles.RUN_DETAILS);

        HBox figures = new HBox(8);
        for (GoodputTerm m : GoodputTerm.values()) {
            VBox card = FigureCard.of(m, summary);
            card.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(card, Priority.ALWAYS);
            figures.getChildren().add(card);
        }

        VBox badput = section(new Label("Badput by cause"), BadputTable.of(summary));
        Label problemsTitle = new Label();
        problemsTitle.textProperty().bind(Bindings.format("Problems (%d)", summary.problemsProperty().sizeProperty()));
        ListView<String> problems = new ListView<>(summary.problemsProperty());
        problems.setId("problems");
        problems.getStyleClass().add(Styles.DENSE);
        problems.setCellFactory(list -> new ProblemCell());
        problems.setPlaceholder(new Label("No problems: every record was read and understood."));
        VBox problemsBox = section(problemsTitle, problems);

        waterfallSlot.setMinWidth(320);
        attributionSlot.setMinWidth(320);
        // Problems only when there are some: else the status bar says "No problems" and the badput table has the room.
        problemsSplit = new DockedSplit("problems", Orientation.VERTICAL, badput, problemsBox,
                new DockedSplit.Defaults(0.62, 120, 90, false), layout);
        problemsSplit.availableWhen(Bindings.isNotEmpty(summary.problemsProperty()));
        DockedSplit bottom = new DockedSplit("bottom", Orientation.HORIZONTAL, waterfallSlot,
                problemsSplit.node(), new DockedSplit.Defaults(0.55, 360, 440, false), layout);
        DockedSplit top = new DockedSplit("top", Orientation.HORIZONTAL, timelineSlot, attributionSlot,
                new DockedSplit.Defaults(0.6, 560, 520, false), layout);
        // The timeline and the attribution table first: the waterfall, badput and problems share what is left, and
        // on a short screen (1280×720) start hidden (View ▸ Show Breakdown, the toolbar) rather than squeeze them.
        mainSplit = new DockedSplit("main", Orientation.VERTICAL, top.node(), bottom.node(),
                new DockedSplit.Defaults(0.6, TOP_NEED, BOTTOM_NEED, true), layout);
        bottom.node().setMinHeight(BOTTOM_MIN_HEIGHT);
        VBox.setVgrow(mainSplit.node(), Priority.ALWAYS);

        noticeSlot.setManaged(false);
        VBox pane = new VBox(8, new VBox(2, name, details), noticeSlot, figures, mainSplit.node());
        pane.setPadding(new Insets(8, 12, 6, 12));
        // Only a window smaller than the timeline's and the table's least (below 1280×720) scrolls the page.
        ScrollPane page = new ScrollPane(pane);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        page.getStyleClass().add("edge-to-edge");
        return page;
    }

    /** Whether the waterfall, badput and problems panel under the timeline is wanted (View ▸ Show Breakdown). */
    public BooleanProperty breakdownWantedProperty() {
        return mainSplit.panelWantedProperty();
    }

    /** Whether the Problems panel is wanted; it shows only when there are problems. */
    public BooleanProperty problemsWantedProperty() {
        return problemsSplit.panelWantedProperty();
    }

    /** The status bar's problem count, clicked: shows the problems (opening the breakdown), or hides them. */
    void toggleProblems() {
        boolean onScreen = breakdownWantedProperty().get() && problemsWantedProperty().get();
        if (onScreen) {
            problemsWantedProperty().set(false);
        } else {
            problemsWantedProperty().set(true);
            breakdownWantedProperty().set(true);
        }
    }

    private static Node emptyPane(LoadStatus load, Runnable openDialog) {
        // While the first run loads there is nothing to show but the load itself.
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.progressProperty().bind(load.progressProperty());
        spinner.setPrefSize(56, 56);
        Label stage = new Label();
        stage.textProperty().bind(Bindings.concat(load.fileNameProperty(), "  ·  ", load.stageProperty()));
        stage.getStyleClass().add(WorkbenchStyles.MESSAGE);
        VBox loading = new VBox(16, spinner, stage);
        loading.setAlignment(Pos.CENTER);

        Label invite = new Label("Open a run log (File ▸ Open…), or drop one on the window, to see its goodput.");
        invite.getStyleClass().add(WorkbenchStyles.MESSAGE);
        invite.setWrapText(true);
        invite.setMaxWidth(760);
        Button open = new Button("Open run log…");
        open.setDefaultButton(true);
        open.setOnAction(e -> openDialog.run());
        VBox idle = new VBox(20, invite, open);
        idle.setAlignment(Pos.CENTER);

        showWhen(loading, load.loadingProperty());
        showWhen(idle, Bindings.not(load.loadingProperty()));
        return new StackPane(loading, idle);
    }

    private static VBox section(Label title, Node content) {
        title.getStyleClass().add(WorkbenchStyles.SECTION_TITLE);
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(6, title, content);
    }

    /**
     * A problem line wrapped to the panel's width, so the message after the file:line is read whole. A {@link Text}
     * graphic, because a list cell sizes its height before it knows its width, and a wrapping label needs the width.
     */
    private static final class ProblemCell extends ListCell<String> {
        private final Text text = new Text();

        ProblemCell() {
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            listViewProperty().addListener((obs, was, list) -> {
                text.wrappingWidthProperty().unbind();
                if (list != null) {
                    // Less the cell's padding and a vertical scroll bar.
                    text.wrappingWidthProperty().bind(list.widthProperty().subtract(40));
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty ? null : text);
            // The Text shows the line; screen readers get it from the accessible text.
            setText(null);
            setAccessibleText(item);
        }
    }

    /** Visible, and taking part in layout, only while the condition holds. */
    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
