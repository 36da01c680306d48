package dev.goodput.core.io;

/** The input formats the loader recognises. */
public enum InputFormat {
    /** Canonical run log, JSON Lines (docs/run-log-format.md). */
    RUN_LOG_JSONL,
    /** Canonical run log, CSV. */
    RUN_LOG_CSV,
    /** Google ml-goodput-measurement entries: JSON array, JSON Lines, or {"entries": [...]}. */
    ML_GOODPUT
}
