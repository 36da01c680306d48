package dev.goodput.core.io;

import dev.goodput.core.model.Source;

import java.io.IOException;

/** Messages for files that cannot be read to their end. */
public final class ReadFailures {
    private ReadFailures() {
    }

    /**
     * The file stopped after line {@code lastLine}: usually a gzip file cut off while it was copied (named with its
     * byte offset), or a limit reached (named with the option that raises it).
     */
    public static InputException truncated(String file, long lastLine, IOException cause) {
        if (cause instanceof ReadLimitException) {
            long line = ((ReadLimitException) cause).line();
            return new InputException(new Source(file, line > 0 ? line : lastLine + 1), cause.getMessage(), cause);
        }
        if (cause instanceof DamagedGzipException) {
            return new InputException(new Source(file, lastLine + 1), cause.getMessage(), cause);
        }
        return new InputException(new Source(file, lastLine + 1), "expected more data: the file ends early "
                + "(a truncated or damaged compressed file? " + describe(cause) + ")", cause);
    }

    /** An exception's message, or its type when it has none. */
    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
