package dev.goodput.app.attribution;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks how to tag rows or a time range: a cause (typed, completed from the {@link CauseChoices}, or a new one), its
 * layer (a known cause keeps its own; a new cause's can be chosen), a note and, for a time range, "Only unattributed
 * downtime".
 */
public final class TagDialog extends Dialog<TagRequest> {
    private final CauseField cause;
    private final ChoiceBox<Layer> layer = new ChoiceBox<>();
    private final TextField note = new TextField();
    private final CheckBox onlyUnattributed = new CheckBox("Only unattributed downtime");

    public TagDialog(TagPromptContext context) {
        setTitle(context.title().isEmpty() ? "Tag" : context.title());
        setHeaderText(context.title().isEmpty() ? "Attribute the lost time to a cause" : context.title());
        cause = new CauseField(context.choices());
        cause.setId("tag-cause");
        cause.setPrefWidth(320);
        layer.setId("tag-layer");
        layer.getItems().setAll(Layer.INFRA, Layer.FRAMEWORK); // the model layer is measured, never tagged
        layer.setConverter(LayerNames.CONVERTER);
        layer.setValue(Layer.INFRA);
        note.setId("tag-note");
        note.setPromptText("Why (optional)");
        note.setText(context.initialNote());
        onlyUnattributed.setId("tag-only-unattributed");
        if (context.initialCause() != null) {
            cause.setText(context.initialCause().label());
            layer.setValue(context.initialCause().layer());
        }
        cause.textProperty().addListener((o, was, now) -> followKnownCause());
        followKnownCause();

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Cause"), cause);
        grid.addRow(1, new Label("Layer"), layer);
        grid.addRow(2, new Label("Note"), note);
        if (context.range()) {
            grid.add(onlyUnattributed, 1, 3);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(cause.textProperty().isEmpty());
        setResultConverter(b -> b == ButtonType.OK ? request().orElse(null) : null);
        setOnShown(e -> Platform.runLater(() -> {
            cause.requestFocus();
            cause.selectAll();
        }));
    }

    /** A prompt showing this dialog over {@code owner} (may be null). */
    public static TagPrompt prompt(Window owner) {
        return context -> {
            TagDialog d = new TagDialog(context);
            if (owner != null) {
                d.initOwner(owner);
            }
            return d.showAndWait();
        };
    }

    /** What the fields say now; empty while the cause is blank. */
    Optional<TagRequest> request() {
        Optional<Cause> known = cause.known();
        Optional<Cause> c = known.isPresent() ? known : cause.cause(layer.getValue());
        return c.map(x -> new TagRequest(x, note.getText(), onlyUnattributed.isSelected()));
    }

    /** A known cause has its layer; only a new one's can be chosen. */
    private void followKnownCause() {
        Optional<Cause> known = cause.known();
        known.ifPresent(c -> layer.setValue(c.layer()));
        layer.setDisable(known.isPresent());
    }
}
