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
 * height the window gives ({@link TimelineView}); the key wraps to the width in up to a quarter of the height (causes
 * first; the rest behind "+N more", which expands it in full) and can be hidden. The help line always shows whole.
 */
public final class TimelinePanel extends VBox {
    /** The share of the panel's height the key takes before it folds the rest behind "+N more". */
    static final double KEY_SHARE = 0.25;
    static final String HELP = "Wheel/W S zoom · drag/A D pan · F fit · Esc clear · F1 all shortcuts";

    private final TimelineView view = new TimelineView();
    private final TimelineLegend legend = new TimelineLegend();
    private final BooleanProperty legendVisible = new SimpleBooleanProperty(this, "legendVisible", true);
    private final Label help = new Label(HELP);

    /** @param profiles the profiles loaded beside the run (a null value: none), drawn in the profile lane */
    public TimelinePanel(ObservableValue<Derivation> derivation, ObservableValue<ProfiledModel> profiles) {
        setSpacing(6);
        help.getStyleClass().add("timeline-help");
        help.setMinHeight(Region.USE_PREF_SIZE);
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

    /**
     * The key's budget: a share of the height, less if the lanes at their minimum and the help line need it (the help
     * line is never cut); its rows past the budget fold behind "+N more".
     */
    @Override
    protected void layoutChildren() {
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double left = h - view.minHeight(-1) - help.prefHeight(-1) - 2 * getSpacing();
        legend.heightBudget(Math.max(0, Math.min(h * KEY_SHARE, left)), Math.max(0, left));
        super.layoutChildren();
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

    /** Whether the key shows in full rather than folded to its share of the height (a per-panel state). */
    public BooleanProperty keyExpandedProperty() {
        return legend.expandedProperty();
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
