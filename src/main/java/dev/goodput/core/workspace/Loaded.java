package dev.goodput.core.workspace;

import dev.goodput.core.model.Problem;

import java.util.List;

/**
 * What reading a file gave: the value, the version the file was written in, and warnings about parts not
 * understood (unknown fields, which are skipped and not kept: saving drops them).
 *
 * @param fileVersion the version in the file; below {@link WorkspaceMigration#CURRENT_VERSION} it was migrated,
 *                    and saving writes the current version, which older releases cannot open
 */
public record Loaded<T>(T value, int fileVersion, List<Problem> warnings) {
    public Loaded {
        warnings = List.copyOf(warnings);
    }

    public boolean migrated() {
        return fileVersion < WorkspaceMigration.CURRENT_VERSION;
    }
}
