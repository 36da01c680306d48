package dev.goodput.app;

import atlantafx.base.theme.Styles;
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

    /** @param toggleProblems what a click on the problem count does: shows or hides the Problems panel */
    static Node of(SummaryViewModel summary, LoadStatus load, Runnable cancel, Runnable toggleProblems) {
        Label files = item(MaterialDesignF.FILE_DOCUMENT_OUTLINE, "status-files");
        files.textProperty().bind(summary.filesTextProperty());
        Tooltip paths = new Tooltip();
        paths.textProperty().bind(Bindings.createStringBinding(
                () -> FileNames.paths(summary.filesProperty()), summary.filesProperty()));
        files.setTooltip(paths);
        Label run = item(MaterialDesignT.TAG_OUTLINE, "status-run");
        run.textProperty().bind(summary.runNameProperty());
        Tooltip runName = new Tooltip();
        runName.textProperty().bind(summary.runNameProperty());
        run.setTooltip(runName);
        Label window = item(MaterialDesignC.CLOCK_OUTLINE, "status-window");
        window.textProperty().bind(summary.windowTextProperty());
        window.setTooltip(new Tooltip("The measurement window: all figures are fractions of it"));
        // A button: with problems, a click shows (or hides) them in the panel under the timeline.
        Button problems = new Button("", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problems.setId("status-problems");
        problems.getStyleClass().addAll(WorkbenchStyles.PROBLEM_COUNT, Styles.FLAT);
        problems.textProperty().bind(summary.problemCountProperty());
        problems.setOnAction(e -> toggleProblems.run());
        problems.setFocusTraversable(false);
        problems.setTooltip(new Tooltip("Show or hide the problems met reading the files"));
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
        // Only the run's name gives way (it is in the title bar and in its tooltip, whole): the file names, the window,
        // the problem count and the last load's outcome are shown whole, never drawn over each other.
        run.setMinWidth(40);
        HBox.setHgrow(run, Priority.SOMETIMES);
        for (Region whole : new Region[]{files, window, problems, outcome}) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
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
