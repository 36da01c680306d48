package dev.goodput.app;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The window's layout as the user left it: where each split's divider is and whether each docked panel is shown.
 * Kept per user in the workbench's preferences (never in a workspace: a layout is the user's, not the run's);
 * {@link #reset()} forgets it all, and the splits listening go back to their defaults.
 */
final class LayoutSettings {
    private static final String NODE = "layout";
    private static final String POSITION = ".position";
    private static final String SHOWN = ".shown";

    private final Preferences node;
    private final List<Runnable> resetListeners = new ArrayList<>();

    LayoutSettings(Preferences prefs) {
        this.node = prefs.node(NODE);
    }

    /** The divider position the user left split {@code key} at, if any. */
    OptionalDouble position(String key) {
        double p;
        try {
            p = node.getDouble(key + POSITION, Double.NaN);
        } catch (IllegalStateException removed) {
            return OptionalDouble.empty(); // the node was removed under us (preferences cleared): the defaults
        }
        return Double.isNaN(p) || p <= 0 || p >= 1 ? OptionalDouble.empty() : OptionalDouble.of(p);
    }

    void setPosition(String key, double position) {
        try {
            node.putDouble(key + POSITION, position);
        } catch (IllegalStateException removed) {
            // Preferences cleared while the window is open: the layout is not remembered, nothing else breaks.
        }
    }

    /** Whether the user showed (true) or hid (false) the panel docked in split {@code key}; null if never said. */
    Boolean shown(String key) {
        String v;
        try {
            v = node.get(key + SHOWN, null);
        } catch (IllegalStateException removed) {
            return null;
        }
        return v == null ? null : Boolean.valueOf(v);
    }

    void setShown(String key, boolean shown) {
        try {
            node.putBoolean(key + SHOWN, shown);
        } catch (IllegalStateException removed) {
            // as in setPosition
        }
    }

    /** Called after {@link #reset()}, once the remembered layout is gone. */
    void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    /** View ▸ Reset Layout: forgets every position and panel choice. */
    void reset() {
        try {
            node.clear();
        } catch (BackingStoreException | IllegalStateException e) {
            // Nothing stored could be read back either: the defaults apply all the same.
        }
        resetListeners.forEach(Runnable::run);
    }
}
