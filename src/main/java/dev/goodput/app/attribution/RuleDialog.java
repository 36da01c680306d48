package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Rule;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.function.Supplier;

/** A dialog around the {@link RuleEditor}: OK stays disabled while the rule has problems. */
public final class RuleDialog extends Dialog<Rule> {
    public RuleDialog(Window owner, RuleEditorModel model) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(model.isNew() ? "Add rule" : "Edit rule");
        setHeaderText("Every lost interval whose record matches gets this cause — in this run and in files "
                + "loaded later. Tags win over rules; later rules win over earlier ones.");
        setResizable(true);
        getDialogPane().setContent(new RuleEditor(model));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("rule-ok");
        ok.disableProperty().bind(model.validProperty().not());
        setResultConverter(b -> b == ButtonType.OK ? model.getRule() : null);
    }

    /**
     * Asks in a dialog over the window {@code owner} gives when asked (the panel may not be shown yet when the prompt
     * is made); it may give null.
     */
    public static RulePrompt prompt(Supplier<Window> owner) {
        return editor -> new RuleDialog(owner.get(), editor).showAndWait();
    }
}
