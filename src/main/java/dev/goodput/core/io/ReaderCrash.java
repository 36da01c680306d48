package dev.goodput.core.io;

import java.nio.file.Path;

/**
 * A reader failed in a way no input should make it fail (a bug: a NullPointerException, a parser's internal
 * error): carries the file being read, so the user is told which input to send with the report, while the
 * exception's own text stays out of the error line.
 */
public final class ReaderCrash extends RuntimeException {
    private final transient Path file;

    public ReaderCrash(Path file, RuntimeException cause) {
        super("internal error reading " + file, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
