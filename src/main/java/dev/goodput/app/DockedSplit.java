package dev.goodput.app;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * A main pane and a panel docked after it (below or to its right) in a split whose divider the user drags: where
 * the user leaves it, and whether the panel is shown, are {@link LayoutSettings remembered}. A hidden panel leaves
 * the main pane all the room. Panels added later (what-if, ranks) dock the same way, nested in one another.
 */
final class DockedSplit {
    /**
     * The split's first layout when the user has said nothing: the divider at {@code position} (a share of the
     * split's length) but leaving the main pane at least {@code mainNeed} pixels and the panel {@code panelNeed}; a
     * split shorter than both together starts with the panel hidden if {@code hiddenWhenShort}.
     */
    record Defaults(double position, double mainNeed, double panelNeed, boolean hiddenWhenShort) {
        /** The divider's default for a split {@code length} pixels long. */
        double positionFor(double length) {
            if (length <= 0) {
                return position;
            }
            double p = Math.max(position, mainNeed / length);
            return Math.max(0.05, Math.min(p, 1 - panelNeed / length));
        }

        boolean shownFor(double length) {
            return !hiddenWhenShort || length <= 0 || length >= mainNeed + panelNeed;
        }
    }

    private final String key;
    private final Node panel;
    private final Defaults defaults;
    private final LayoutSettings settings;
    private final SplitPane split;
    /** What the user wants (or the default, until the user says). */
    private final BooleanProperty panelWanted = new SimpleBooleanProperty(this, "panelWanted", true);
    private final BooleanProperty panelAvailable = new SimpleBooleanProperty(this, "panelAvailable", true);
    private final BooleanBinding panelShown = panelWanted.and(panelAvailable);
    private boolean applying;
    /** True from a press on this split's divider to the release. */
    private boolean dragging;

    DockedSplit(String key, Orientation orientation, Node main, Node panel, Defaults defaults,
                LayoutSettings settings) {
        this.key = key;
        this.panel = panel;
        this.defaults = defaults;
        this.settings = settings;
        split = new SplitPane(main);
        split.setId(key + "-split");
        split.setOrientation(orientation);
        Boolean said = settings.shown(key);
        if (said != null) {
            panelWanted.set(said);
        }
        panelWanted.addListener((obs, was, now) -> {
            if (!applying) {
                settings.setShown(key, now);
            }
        });
        panelShown.addListener((obs, was, now) -> showPanel(now));
        // The defaults depend on the room: they follow the window's size until the user drags or toggles.
        (orientation == Orientation.VERTICAL ? split.heightProperty() : split.widthProperty())
                .addListener((obs, was, now) -> {
                    if (now.doubleValue() > 0) {
                        applyDefaults();
                    }
                });
        // Only the user's drags of this split's divider are remembered, not what a resize of the window does to it.
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging = ownDivider(e.getTarget()));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging && split.getItems().size() == 2) {
                settings.setPosition(key, split.getDividerPositions()[0]);
            }
            dragging = false;
        });
        settings.onReset(this::applyDefaults);
        showPanel(panelShown.get());
    }

    SplitPane node() {
        return split;
    }

    /** Whether the user wants the panel shown (View menu, a toggle); remembered. */
    BooleanProperty panelWantedProperty() {
        return panelWanted;
    }

    /** Whether the panel has anything to show (Problems: only when there are problems); shown only then. */
    void availableWhen(ObservableBooleanValue available) {
        panelAvailable.bind(available);
    }

    /** Whether the mouse pressed on this split's divider (or its grabber), not on one of a split inside it. */
    private boolean ownDivider(Object target) {
        for (Node n = target instanceof Node ? (Node) target : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return n.getParent() == split;
            }
        }
        return false;
    }

    private double length() {
        return split.getOrientation() == Orientation.VERTICAL ? split.getHeight() : split.getWidth();
    }

    /** What the user has not said: whether the panel shows and where the divider is, for the room there is. */
    private void applyDefaults() {
        double length = length();
        Boolean said = settings.shown(key);
        applying = true;
        try {
            panelWanted.set(said != null ? said : defaults.shownFor(length));
        } finally {
            applying = false;
        }
        if (settings.position(key).isEmpty()) {
            placeDivider();
        }
    }

    private void showPanel(boolean shown) {
        if (shown && split.getItems().size() == 1) {
            split.getItems().add(panel);
            placeDivider();
        } else if (!shown && split.getItems().size() == 2) {
            split.getItems().remove(panel);
        }
    }

    private void placeDivider() {
        if (split.getItems().size() == 2) {
            split.setDividerPositions(settings.position(key).orElse(defaults.positionFor(length())));
        }
    }
}
