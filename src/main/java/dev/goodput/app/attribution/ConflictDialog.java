package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.MergeResult.Side;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Asks whose version to keep where a teammate's attributions and yours differ: one row per conflict with Yours /
 * Theirs (yours chosen at first), both at once, and what the import brings. Gives the settled overlay.
 */
public final class ConflictDialog extends Dialog<Overlay> {
    /** Style classes of each row's two choices. */
    public static final String MINE_CHOICE = "merge-mine";
    public static final String THEIRS_CHOICE = "merge-theirs";

    public ConflictDialog(Window owner, MergeViewModel model) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Import attributions");
        setHeaderText("The file and your attributions differ in " + model.choices().size()
                + (model.choices().size() == 1 ? " place" : " places")
                + ". Yours are kept unless you choose theirs.");
        setResizable(true);

        ListView<MergeViewModel.Choice> list = new ListView<>();
        list.setId("merge-conflicts");
        list.getItems().setAll(model.choices());
        list.setCellFactory(l -> new ChoiceCell(l));
        list.setPrefSize(860, 320);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button allMine = new Button("Keep all yours");
        allMine.setId("merge-all-mine");
        allMine.setOnAction(e -> model.takeAllMine());
        Button allTheirs = new Button("Take all theirs");
        allTheirs.setId("merge-all-theirs");
        allTheirs.setOnAction(e -> model.takeAllTheirs());
        Label summary = new Label();
        summary.setId("merge-summary");
        summary.textProperty().bind(model.summaryProperty());

        getDialogPane().setContent(new VBox(8, summary, list, new HBox(6, allMine, allTheirs)));
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(importButton, ButtonType.CANCEL);
        getDialogPane().lookupButton(importButton).setId("merge-ok");
        setResultConverter(b -> b == importButton ? model.resolved() : null);
    }

    /**
     * Asks in a dialog over the window {@code owner} gives (may be null).
     *
     * @param mine your overlay the merge started from (the session's), to say what the file brings
     */
    public static MergePrompt prompt(Supplier<Window> owner, Supplier<Overlay> mine) {
        return result -> new ConflictDialog(owner.get(), new MergeViewModel(mine.get(), result)).showAndWait();
    }

    /** A conflict's description and its two choices, following the choice when "all" buttons change it. */
    private static final class ChoiceCell extends ListCell<MergeViewModel.Choice> {
        private final Label description = new Label();
        private final RadioButton mine = new RadioButton("Yours");
        private final RadioButton theirs = new RadioButton("Theirs");
        private final HBox box = new HBox(10, description, mine, theirs);
        private final ChangeListener<Side> follow = (obs, was, now) -> show(now);
        private MergeViewModel.Choice shown;

        ChoiceCell(ListView<MergeViewModel.Choice> list) {
            ToggleGroup group = new ToggleGroup();
            mine.setToggleGroup(group);
            theirs.setToggleGroup(group);
            mine.getStyleClass().add(MINE_CHOICE);
            theirs.getStyleClass().add(THEIRS_CHOICE);
            description.setWrapText(true);
            description.prefWidthProperty().bind(list.widthProperty().subtract(190));
            HBox.setHgrow(description, Priority.ALWAYS);
            mine.setOnAction(e -> choose(Side.MINE));
            theirs.setOnAction(e -> choose(Side.THEIRS));
        }

        @Override
        protected void updateItem(MergeViewModel.Choice choice, boolean empty) {
            super.updateItem(choice, empty);
            if (shown != null) {
                shown.sideProperty().removeListener(follow);
            }
            shown = empty ? null : choice;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            description.setText(shown.description());
            shown.sideProperty().addListener(follow);
            show(shown.getSide());
            setGraphic(box);
        }

        private void choose(Side side) {
            if (shown != null) {
                shown.setSide(side);
            }
        }

        private void show(Side side) {
            mine.setSelected(side == Side.MINE);
            theirs.setSelected(side == Side.THEIRS);
        }
    }
}
