package dev.goodput.cli;

import dev.goodput.core.io.ReaderCrash;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The one error line for an exception no command turned into a message: a file problem in the contract's words
 * ({@code FILE: expected …}), anything else as an internal error to report, never a parser's or the JVM's own text
 * alone (the stack trace is for {@code --debug}).
 */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable ex) {
        if (ex instanceof ReaderCrash crash) {
            return "internal error reading " + crash.file() + ": " + brief(crash.getCause()) + "; please report";
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": file not found";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": expected a readable (or writable) file; permission denied";
        }
        if (ex instanceof FileSystemException e && e.getFile() != null) {
            return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "file system error");
        }
        if (ex instanceof IOException e) {
            return "cannot read or write a file (" + brief(e) + ")";
        }
        return "internal error: " + brief(ex) + "; please report";
    }

    /** The exception's type and the first line of its message. */
    private static String brief(Throwable e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (m == null || m.isBlank()) {
            return type;
        }
        int nl = m.indexOf('\n');
        return type + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
}
