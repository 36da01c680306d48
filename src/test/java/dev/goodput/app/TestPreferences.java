package dev.goodput.app;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * A throw-away preferences node per test, beside (never inside) the user's {@link WorkbenchApp#PREFERENCES_NODE}, so
 * tests neither see nor change what the user's workbench remembers.
 */
final class TestPreferences {
    private static final String PARENT = "dev/goodput/workbench-tests";

    private TestPreferences() {
    }

    static Preferences fresh() {
        return Preferences.userRoot().node(PARENT + "/" + UUID.randomUUID());
    }

    static void remove(Preferences node) {
        try {
            node.removeNode();
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Already gone, or the store is unavailable: nothing of the user's is at stake either way.
        }
    }
}
