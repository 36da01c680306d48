package dev.goodput.core.io;

import java.io.IOException;

/**
 * A file asked for more than a {@link ReadLimits} allows. An IOException so it passes through the readers and
 * decoders between the stream that notices and the reader that reports it; its message is the one to show.
 */
public final class ReadLimitException extends IOException {
    private final Limit limit;
    private final long line;

    /** @param line the 1-based line where it was exceeded, 0 when the stream does not count lines */
    public ReadLimitException(Limit limit, long line, String message) {
        super(message);
        this.limit = limit;
        this.line = line;
    }

    public Limit limit() {
        return limit;
    }

    public long line() {
        return line;
    }
}
