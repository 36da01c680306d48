package dev.goodput.core.io.logs;

/** A line that starts a record of a format but cannot be read; the message says what was expected. */
public final class BadRecord extends Exception {
    public BadRecord(String expected) {
        super(expected, null, false, false);
    }
}
