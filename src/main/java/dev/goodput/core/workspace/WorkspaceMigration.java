package dev.goodput.core.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.io.InputException;

import java.util.List;

/**
 * Brings a file of any known version to the current one before it is read, one step per version, so the
 * readers only ever know the current shape. A new version adds a step (and bumps {@link #CURRENT_VERSION});
 * files newer than this release are refused rather than half-read. Old cause ids are then made catalogue ids
 * ({@link CauseIdMigration}), whatever the version.
 */
public final class WorkspaceMigration {
    public static final int CURRENT_VERSION = 2;

    /** Step i turns version i + 1 into version i + 2. */
    private static final List<MigrationStep> STEPS = List.of(new V1ToV2());

    static {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i).from() != i + 1) {
                throw new IllegalStateException("migration steps must go 1 → 2 → … in order");
            }
        }
        if (STEPS.size() != CURRENT_VERSION - 1) {
            throw new IllegalStateException("no migration step reaches version " + CURRENT_VERSION);
        }
    }

    private WorkspaceMigration() {
    }

    /** Checks the document's version and migrates it in place; returns the version the file had. */
    static int migrate(JsonDocument doc, DocumentFormat format) throws InputException {
        ObjectNode root = doc.root();
        if (!root.hasNonNull("version")) {
            throw doc.error(root, "version", "a \"version\" field (a whole number)");
        }
        int version = doc.integer(root, "version", 0);
        if (version > CURRENT_VERSION) {
            throw doc.error(root, "version", supported(format) + ", found version " + version + ": the file was "
                    + "written by a newer Goodput Workbench; update it to open this file");
        }
        if (version < format.firstVersion()) {
            throw doc.error(root, "version", supported(format) + ", found version " + version);
        }
        for (MigrationStep step : STEPS.subList(version - 1, STEPS.size())) {
            step.apply(doc);
        }
        root.put("version", CURRENT_VERSION);
        CauseIdMigration.apply(doc);
        return version;
    }

    private static String supported(DocumentFormat format) {
        return (format.firstVersion() == CURRENT_VERSION ? "version " + CURRENT_VERSION
                : "versions " + format.firstVersion() + " to " + CURRENT_VERSION) + " of " + format.id();
    }
}
