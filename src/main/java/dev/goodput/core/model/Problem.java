package dev.goodput.core.model;

/** A message about the input: where it is ({@code file:line}) and what was wrong or assumed. */
public record Problem(Severity severity, Source source, String message) {
    public enum Severity { WARNING, ERROR }

    public static Problem warning(Source source, String message) {
        return new Problem(Severity.WARNING, source, message);
    }

    public static Problem error(Source source, String message) {
        return new Problem(Severity.ERROR, source, message);
    }

    @Override
    public String toString() {
        return (source == null ? "" : source + ": ") + message;
    }
}
