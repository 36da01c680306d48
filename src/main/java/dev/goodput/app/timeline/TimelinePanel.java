package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.ProfileSpan;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.profile.report.ProfiledModel;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The timeline with its legend and a line of help on the controls, bound to the derivation shown. */
public final class TimelinePanel extends VBox {
    /** About three rows of the key. */
    private static final double LEGEND_MAX_HEIGHT = 60;

    private final TimelineView view = new TimelineView();
    private final TimelineLegend legend = new TimelineLegend();

    /** @param profiles the profiles loaded beside the run (a null value: none), drawn in the profile lane */
    public TimelinePanel(ObservableValue<Derivation> derivation, ObservableValue<ProfiledModel> profiles) {
        setSpacing(6);
        Label help = new Label("Wheel or W/S: zoom · drag or A/D: pan · F: fit · double-click: zoom to interval · "
                + "shift-drag: set the window · ctrl-drag: tag a range · click a fault: pick it; double-click it "
                + "or Enter: its raw line");
        help.getStyleClass().add("timeline-help");
        help.setWrapText(true); // on a narrow window, two lines rather than a cut sentence
        help.setMinHeight(Region.USE_PREF_SIZE); // the key scrolls instead when the panel is short
        // A run with many causes would push the lanes into a sliver: past three rows the key scrolls.
        ScrollPane key = new ScrollPane(legend);
        key.setFitToWidth(true);
        key.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        key.setMaxHeight(LEGEND_MAX_HEIGHT);
        key.setMinHeight(0);
        key.prefViewportHeightProperty().bind(Bindings.min(LEGEND_MAX_HEIGHT, legend.heightProperty()));
        key.getStyleClass().add("edge-to-edge");
        getChildren().addAll(view, key, help);
        VBox.setVgrow(view, Priority.ALWAYS);
        view.derivationProperty().bind(derivation);
        // Also for a derivation equal to the last, re-published for new cause colours.
        view.derivationProperty().addListener(obs -> legend.show(view.categories(),
                slowSteps(view.derivationProperty().get()), faults(view.derivationProperty().get())));
        legend.show(view.categories(), slowSteps(view.derivationProperty().get()),
                faults(view.derivationProperty().get()));
        Runnable spans = () -> view.profilesProperty().set(profiles.getValue() == null ? java.util.List.of()
                : profiles.getValue().ranks().stream().map(ProfileSpan::of).toList());
        profiles.addListener((obs, old, p) -> spans.run());
        spans.run();
    }

    /** Whether the step-time lane marks slow steps, so the key names their colour. */
    private static boolean slowSteps(Derivation d) {
        return d != null && d.slowSteps().count() > 0;
    }

    /** Whether the run has faults, so the key says how their marks read. */
    private static boolean faults(Derivation d) {
        return d != null && !d.run().faults().isEmpty();
    }

    private final javafx.beans.property.BooleanProperty legendVisible =
            new javafx.beans.property.SimpleBooleanProperty(this, "legendVisible", true);
    private final java.util.Map<TimelineLane, javafx.beans.property.BooleanProperty> laneVisible =
            new java.util.EnumMap<>(TimelineLane.class);

    /** Whether the key under the lanes is shown (View ▸ Show Legend). */
    public javafx.beans.property.BooleanProperty legendVisibleProperty() {
        return legendVisible;
    }

    /** Whether a lane is drawn (View ▸ Lanes); all are at first. */
    public javafx.beans.property.BooleanProperty laneVisibleProperty(TimelineLane lane) {
        return laneVisible.computeIfAbsent(lane,
                l -> new javafx.beans.property.SimpleBooleanProperty(this, "laneVisible" + l.name(), true));
    }

    public TimelineView view() {
        return view;
    }
}
