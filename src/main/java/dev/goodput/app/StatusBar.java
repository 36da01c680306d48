package dev.goodput.app;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The bottom line of the window: the files, run name, window and problem count of the run shown; on the right the
 * load in progress (progress bar, file name, Cancel) or how the last load ended.
 */
final class StatusBar {
    private static final PseudoClass HAS_PROBLEMS = PseudoClass.getPseudoClass("has-problems");

    private StatusBar() {
    }

    static Node of(SummaryViewModel summary, LoadStatus load, Runnable cancel) {
        Label files = item(MaterialDesignF.FILE_DOCUMENT_OUTLINE, "status-files");
        files.textProperty().bind(summary.filesTextProperty());
        Tooltip paths = new Tooltip();
        paths.textProperty().bind(Bindings.createStringBinding(
                () -> FileNames.paths(summary.filesProperty()), summary.filesProperty()));
        files.setTooltip(paths);
        Label run = item(MaterialDesignT.TAG_OUTLINE, "status-run");
        run.textProperty().bind(summary.runNameProperty());
        Label window = item(MaterialDesignC.CLOCK_OUTLINE, "status-window");
        window.textProperty().bind(summary.windowTextProperty());
        window.setTooltip(new Tooltip("The measurement window: all figures are fractions of it"));
        Label problems = item(MaterialDesignA.ALERT_OUTLINE, "status-problems");
        problems.getStyleClass().add(WorkbenchStyles.PROBLEM_COUNT);
        problems.textProperty().bind(summary.problemCountProperty());
        summary.problemsProperty().sizeProperty().addListener(
                (obs, was, now) -> problems.pseudoClassStateChanged(HAS_PROBLEMS, now.intValue() > 0));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label outcome = new Label();
        outcome.setId("status-outcome");
        outcome.textProperty().bind(load.outcomeProperty());

        HBox runInfo = new HBox(files, separator(), run, separator(), window, separator(), problems);
        runInfo.getStyleClass().add(WorkbenchStyles.STATUS_BAR_RUN);
        runInfo.setAlignment(Pos.CENTER_LEFT);
        runInfo.setMinWidth(0);
        // A long run name or window gives way to the load bar rather than push it off the window.
        run.setMinWidth(60);
        window.setMinWidth(60);
        // A long file name shrinks too (its paths are in the tooltip), as does the last load's outcome (in its own
        // tooltip), rather than be drawn over each other on a narrow window.
        files.setMinWidth(60);
        problems.setMinWidth(Region.USE_PREF_SIZE);
        outcome.setMinWidth(80);
        Tooltip said = new Tooltip();
        said.textProperty().bind(load.outcomeProperty());
        outcome.setTooltip(said);
        var anythingOpen = summary.stateProperty().isNotEqualTo(SummaryViewModel.State.EMPTY);
        runInfo.visibleProperty().bind(anythingOpen);
        runInfo.managedProperty().bind(anythingOpen);

        HBox bar = new HBox(runInfo, spacer, outcome, loadBar(load, cancel));
        bar.getStyleClass().add(WorkbenchStyles.STATUS_BAR);
        return bar;
    }

    /** Shown only while loading: the files read, the stage, an (indeterminate) progress bar, and Cancel. */
    private static Node loadBar(LoadStatus load, Runnable cancel) {
        Label file = new Label("", new FontIcon(MaterialDesignF.FILE_DOCUMENT_OUTLINE));
        file.setId("load-file");
        file.textProperty().bind(load.fileNameProperty());
        Label stage = new Label();
        stage.setId("load-stage");
        stage.textProperty().bind(load.stageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("load-progress");
        progress.progressProperty().bind(load.progressProperty());
        progress.setPrefWidth(160);
        Button cancelButton = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancelButton.setId("cancel-load");
        cancelButton.setOnAction(e -> cancel.run());
        cancelButton.setCancelButton(true);
        cancelButton.disableProperty().bind(load.loadingProperty().not());
        HBox box = new HBox(8, file, stage, progress, cancelButton);
        // The load bar never gives way: the run's texts on the left shrink instead.
        for (Node n : box.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.getStyleClass().add(WorkbenchStyles.LOAD_BAR);
        box.visibleProperty().bind(load.loadingProperty());
        box.managedProperty().bind(load.loadingProperty());
        return box;
    }

    private static Label item(Ikon icon, String id) {
        Label label = new Label("", new FontIcon(icon));
        label.setId(id);
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
