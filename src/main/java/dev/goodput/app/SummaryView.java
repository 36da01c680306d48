package dev.goodput.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Lays out the run summary and binds it to a {@link SummaryViewModel}; no logic beyond choosing which pane
 * the model's state shows.
 */
final class SummaryView {
    private final StackPane root;

    SummaryView(SummaryViewModel model, Runnable openDialog) {
        Node report = reportPane(model);
        Node loading = loadingPane(model);
        Node message = messagePane(model, openDialog);
        showWhen(report, model, SummaryViewModel.State.READY);
        showWhen(loading, model, SummaryViewModel.State.LOADING);
        showWhen(message, model, SummaryViewModel.State.EMPTY, SummaryViewModel.State.FAILED);
        root = new StackPane(report, loading, message);
    }

    Node node() {
        return root;
    }

    private static Node reportPane(SummaryViewModel model) {
        Label name = new Label();
        name.textProperty().bind(model.runNameProperty());
        name.getStyleClass().add(WorkbenchStyles.RUN_NAME);
        Label details = new Label();
        details.textProperty().bind(model.runDetailsProperty());
        details.getStyleClass().add(WorkbenchStyles.RUN_DETAILS);

        HBox figures = new HBox(12);
        for (GoodputMeasure m : GoodputMeasure.values()) {
            VBox card = FigureCard.of(m, model.figureProperty(m));
            card.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(card, Priority.ALWAYS);
            figures.getChildren().add(card);
        }

        VBox badput = section("Badput by cause", BadputTable.of(model.badputProperty()));
        Label problemsTitle = sectionTitle("");
        problemsTitle.textProperty().bind(Bindings.format("Problems (%d)", model.warningsProperty().sizeProperty()));
        ListView<String> problems = new ListView<>(model.warningsProperty());
        problems.setPlaceholder(new Label("No problems: every record was read and understood."));
        VBox.setVgrow(problems, Priority.ALWAYS);
        VBox problemsBox = new VBox(6, problemsTitle, problems);

        SplitPane split = new SplitPane(badput, problemsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox pane = new VBox(12, new VBox(4, name, details), figures, split);
        pane.setPadding(new Insets(16));
        return pane;
    }

    private static Node loadingPane(SummaryViewModel model) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.progressProperty().bind(model.progressProperty());
        spinner.setPrefSize(64, 64);
        Label text = new Label();
        text.textProperty().bind(model.messageProperty());
        text.getStyleClass().add(WorkbenchStyles.MESSAGE);
        VBox pane = new VBox(16, spinner, text);
        pane.setAlignment(Pos.CENTER);
        return pane;
    }

    private static Node messagePane(SummaryViewModel model, Runnable openDialog) {
        Label text = new Label();
        text.textProperty().bind(model.messageProperty());
        text.getStyleClass().add(WorkbenchStyles.MESSAGE);
        text.setWrapText(true);
        text.setMaxWidth(760);
        text.setAlignment(Pos.CENTER);
        Button open = new Button("Open run log…");
        open.setDefaultButton(true);
        open.setOnAction(e -> openDialog.run());
        VBox pane = new VBox(20, text, open);
        pane.setAlignment(Pos.CENTER);
        return pane;
    }

    private static VBox section(String title, Node content) {
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(6, sectionTitle(title), content);
    }

    private static Label sectionTitle(String title) {
        Label label = new Label(title);
        label.getStyleClass().add(WorkbenchStyles.SECTION_TITLE);
        return label;
    }

    /** Visible, and taking part in layout, only in the given states. */
    private static void showWhen(Node node, SummaryViewModel model, SummaryViewModel.State... states) {
        var visible = Bindings.createBooleanBinding(
                () -> List.of(states).contains(model.stateProperty().get()), model.stateProperty());
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }
}
