package dev.goodput.core.io;

/** What a reader does with a bad record. */
public enum LoadMode {
    /** Stop at the first bad record with an {@link InputException} (the CLI's default). */
    STRICT,
    /** Record the bad record as a problem, keep everything else (the workbench's mode). */
    LENIENT
}
