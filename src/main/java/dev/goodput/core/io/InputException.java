package dev.goodput.core.io;

import dev.goodput.core.model.Source;

/** Bad input: names the file, the line (0 when not line-based) and what was expected there. */
public final class InputException extends Exception {
    private final transient Source source;

    public InputException(Source source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public InputException(Source source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    public Source source() {
        return source;
    }

    /** The message without the location prefix. */
    public String detail() {
        String m = getMessage();
        String prefix = source + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
