package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.LaneKey;
import dev.goodput.chart.timeline.ProfileSpan;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.profile.report.ProfiledModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The timeline with its key and a line of help on the controls, bound to the derivation shown. The lanes take the
 * height the window gives ({@link TimelineView}); the key wraps to the width in as many rows as it needs (causes past
 * what colours can tell apart are already gathered into "Other …" groups) and can be hidden.
 */
public final class TimelinePanel extends VBox {
    static final String HELP = "Wheel/W S zoom · drag/A D pan · F fit · Esc clear · F1 all shortcuts";

    private final TimelineView view = new TimelineView();
    private final TimelineLegend legend = new TimelineLegend();
    private final BooleanProperty legendVisible = new SimpleBooleanProperty(this, "legendVisible", true);

    /** @param profiles the profiles loaded beside the run (a null value: none), drawn in the profile lane */
    public TimelinePanel(ObservableValue<Derivation> derivation, ObservableValue<ProfiledModel> profiles) {
        setSpacing(6);
        Label help = new Label(HELP);
        help.getStyleClass().add("timeline-help");
        help.setMinHeight(Region.USE_PREF_SIZE);
        legend.setMinHeight(Region.USE_PREF_SIZE); // rows are never cut: the lanes give way down to their minimum
        legend.visibleProperty().bind(legendVisible);
        legend.managedProperty().bind(legendVisible);
        getChildren().addAll(view, legend, help);
        VBox.setVgrow(view, Priority.ALWAYS);
        view.derivationProperty().bind(derivation);
        // Also for a derivation equal to the last, re-published for new cause colours.
        view.derivationProperty().addListener(obs -> showKey());
        view.chartStyleProperty().addListener((obs, old, st) -> showKey());
        showKey();
        Runnable spans = () -> view.profilesProperty().set(profiles.getValue() == null ? List.of()
                : profiles.getValue().ranks().stream().map(ProfileSpan::of).toList());
        profiles.addListener((obs, old, p) -> spans.run());
        spans.run();
    }

    /** Whether the step-time lane marks slow steps, so the key names their colour. */
    private static boolean slowSteps(Derivation d) {
        return d != null && d.slowSteps().count() > 0;
    }

    /** The key for what the view shows now: its states, the slow steps, every other lane's marks. */
    private void showKey() {
        legend.show(view.categories(), slowSteps(view.derivationProperty().get()), view.lanes() == null
                ? List.of() : LaneKey.entries(view.lanes(), view.chartStyleProperty().get()));
    }

    /** The key under the lanes (for tests). */
    TimelineLegend legend() {
        return legend;
    }

    /** Whether the key under the lanes is shown (View ▸ Show Legend). */
    public BooleanProperty legendVisibleProperty() {
        return legendVisible;
    }

    /** Whether a lane is drawn (View ▸ Lanes); all are at first. A hidden lane leaves no gap. */
    public BooleanProperty laneVisibleProperty(TimelineLane lane) {
        return view.laneVisibleProperty(lane);
    }

    public TimelineView view() {
        return view;
    }
}
