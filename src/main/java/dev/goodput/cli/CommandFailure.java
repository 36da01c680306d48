package dev.goodput.cli;

import dev.goodput.core.report.PrintableText;
import picocli.CommandLine;

import java.util.function.Supplier;

/**
 * A command cannot go on: a usage error (exit 1) or bad input (exit 2), with the one line that says why. Thrown
 * by the shared steps of several commands so each command prints and exits alike.
 */
final class CommandFailure extends Exception {
    static final int USAGE = 1;
    static final int BAD_INPUT = 2;

    private final int exitCode;

    private CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(USAGE, message);
    }

    static CommandFailure badInput(String message) {
        return new CommandFailure(BAD_INPUT, message);
    }

    /** {@code parse}'s value, or a usage error saying what was expected when it rejects the text. */
    static <T> T parsed(Supplier<T> parse, String expected, String found) throws CommandFailure {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw usage("expected " + expected + ", found \"" + found + "\"");
        }
    }

    /** Prints {@code goodput: error: MESSAGE} to the command's error stream; returns the exit code. */
    int report(CommandLine cmd) {
        // The message may quote the input (a run name, a bad value): never raw control characters on a terminal.
        cmd.getErr().println("goodput: error: " + PrintableText.of(getMessage()));
        return exitCode;
    }
}
