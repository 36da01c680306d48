package dev.goodput.app.attribution;

import atlantafx.base.theme.Styles;
import dev.goodput.core.model.Layer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.Objects;

/**
 * The rule form: name, message and source patterns, time range, cause (a {@link CauseField}) and layer, enabled;
 * under it, what the rule would match in the run and, while it cannot be saved, why. Bound to a
 * {@link RuleEditorModel}, which does the checking.
 */
public final class RuleEditor extends GridPane {
    public RuleEditor(RuleEditorModel model) {
        setHgap(10);
        setVgap(8);
        TextField name = field("rule-name", model.nameProperty(), "shown in the list and in Undo");
        TextField message = field("rule-message", model.messagePatternProperty(),
                "regular expression searched in the record's message, e.g. NCCL.*timeout");
        TextField source = field("rule-source", model.sourcePatternProperty(),
                "regular expression searched in the file name, e.g. rank\\d+\\.log");
        TextField from = field("rule-from", model.fromProperty(), ClockText.FORMAT + "; blank: from the start");
        TextField to = field("rule-to", model.toProperty(), ClockText.FORMAT + "; blank: to the end");
        CauseField cause = causeField(model);
        ChoiceBox<Layer> layer = new ChoiceBox<>();
        layer.setId("rule-layer");
        // Model-layer time is measured from profiles, never attributed by rules.
        layer.getItems().setAll(Layer.INFRA, Layer.FRAMEWORK);
        layer.setConverter(LayerNames.CONVERTER);
        layer.valueProperty().bindBidirectional(model.layerProperty());
        CheckBox enabled = new CheckBox("Enabled");
        enabled.setId("rule-enabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());

        Label preview = new Label();
        preview.setId("rule-preview");
        preview.textProperty().bind(model.previewTextProperty());
        Label problems = new Label();
        problems.setId("rule-problems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.problemsProperty().get()), model.problemsProperty()));

        addRow(0, new Label("Name"), name);
        addRow(1, new Label("Message matches"), message);
        addRow(2, new Label("Source file matches"), source);
        addRow(3, new Label("From"), from);
        addRow(4, new Label("To"), to);
        addRow(5, new Label("Cause"), cause);
        addRow(6, new Label("Layer"), layer);
        add(enabled, 1, 7);
        add(preview, 0, 8, 2, 1);
        add(problems, 0, 9, 2, 1);
    }

    /** The cause as typed, both ways: a draft loaded shows in the field, and each key typed reaches the model. */
    private static CauseField causeField(RuleEditorModel model) {
        CauseField f = new CauseField(model.causes());
        f.setId("rule-cause");
        f.setPromptText("a cause from the list, or a new name");
        f.setMaxWidth(Double.MAX_VALUE);
        f.setText(model.causeProperty().get());
        model.causeProperty().addListener((obs, was, now) -> {
            if (!Objects.equals(now, f.getText())) {
                f.setText(now);
            }
        });
        f.textProperty().addListener((obs, was, now) -> model.causeProperty().set(now));
        return f;
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(36);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
