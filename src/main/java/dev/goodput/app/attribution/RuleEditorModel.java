package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.RulePreview;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.HumanFormat;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Objects;

/**
 * The rule editor's state, without controls: the fields as typed, and — checked on every change — the rule they
 * make (null while something is wrong), the problems to show, and what the rule would match in the run shown.
 * Choosing a known cause moves the layer to that cause's layer; the layer can still be changed after.
 */
public final class RuleEditorModel {
    private final String id;
    private final Rule original;
    private final CauseChoices causes;
    private final RulePreview preview;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty messagePattern = new SimpleStringProperty(this, "messagePattern", "");
    private final StringProperty sourcePattern = new SimpleStringProperty(this, "sourcePattern", "");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty cause = new SimpleStringProperty(this, "cause", "");
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(this, "layer", Layer.INFRA);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);

    private final ReadOnlyObjectWrapper<Rule> rule = new ReadOnlyObjectWrapper<>(this, "rule");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(this, "problems",
            List.of());
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");

    /**
     * @param id       the id the rule gets (the original's when editing one)
     * @param original the rule being edited, or null for a new one
     * @param start    what the fields start with
     * @param preview  matches rules against the run shown, or null with no run
     */
    public RuleEditorModel(String id, Rule original, RuleDraft start, CauseChoices causes, RulePreview preview) {
        this.id = Objects.requireNonNull(id);
        this.original = original;
        this.causes = Objects.requireNonNull(causes);
        this.preview = preview;
        setDraft(start);
        cause.addListener((obs, was, now) -> causes.known(now).ifPresent(c -> layer.set(c.layer())));
        for (Observable o : List.of(name, messagePattern, sourcePattern, from, to, cause, layer, enabled)) {
            o.addListener(x -> check());
        }
        check();
    }

    /** Puts a draft in the fields (the layer as the draft says, even if its cause is known in another). */
    private void setDraft(RuleDraft d) {
        name.set(d.name());
        messagePattern.set(d.messagePattern());
        sourcePattern.set(d.sourcePattern());
        from.set(d.from());
        to.set(d.to());
        cause.set(d.cause());
        layer.set(d.layer());
        enabled.set(d.enabled());
    }

    public RuleDraft draft() {
        return new RuleDraft(name.get(), messagePattern.get(), sourcePattern.get(), from.get(), to.get(), cause.get(),
                layer.get(), enabled.get());
    }

    /** The rule being edited, or null when this is a new one. */
    public Rule original() {
        return original;
    }

    public boolean isNew() {
        return original == null;
    }

    public CauseChoices causes() {
        return causes;
    }

    /** The rule the fields make, or null while there are problems. */
    public Rule getRule() {
        return rule.get();
    }

    private void check() {
        RuleDraft.Checked c = draft().check(id, causes, original);
        problems.set(c.problems());
        rule.set(c.rule());
        valid.set(c.valid());
        previewText.set(previewOf(c.selection()));
    }

    private String previewOf(RuleDraft.Selection s) {
        if (preview == null || s == null || (s.messagePattern() == null && s.sourcePattern() == null)) {
            return "";
        }
        RulePreview.Matches m = preview.matches(s.messagePattern(), s.sourcePattern(), s.fromUs(), s.toUs());
        if (m.intervals() == 0) {
            return "Matches no lost interval in this run";
        }
        return "Matches " + m.intervals() + (m.intervals() == 1 ? " lost interval (" : " lost intervals (")
                + HumanFormat.duration(m.lostUs() / 1e6) + ") in this run";
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty messagePatternProperty() {
        return messagePattern;
    }

    public StringProperty sourcePatternProperty() {
        return sourcePattern;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty causeProperty() {
        return cause;
    }

    public ObjectProperty<Layer> layerProperty() {
        return layer;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** What stops the rule, one line each; empty when it is valid. */
    public ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** "Matches 4 lost intervals (14.2 h) in this run"; empty when the patterns or range are wrong or no run. */
    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }
}
