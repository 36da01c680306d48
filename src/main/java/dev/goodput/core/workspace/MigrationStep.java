package dev.goodput.core.workspace;

import dev.goodput.core.io.InputException;

/**
 * Turns a document of version {@link #from()} into version {@code from() + 1}, in place. Steps reshape and fill in
 * what the newer version needs; checking values stays with the reader of the current version, which reports
 * errors at the lines the values came from (moves keep them).
 */
sealed interface MigrationStep permits V1ToV2 {
    int from();

    void apply(JsonDocument doc) throws InputException;
}
