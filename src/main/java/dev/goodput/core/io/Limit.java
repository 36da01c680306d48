package dev.goodput.core.io;

/**
 * The resource limits on reading a file, each with the option that raises it (the window's Preferences hold the
 * same ones). A limit stops a hostile or broken file before it exhausts memory or time; the message says which
 * limit, so a genuine file can still be read by raising it.
 */
public enum Limit {
    LINE_BYTES("--max-line-bytes", "lines of at most %s"),
    DEPTH("--max-depth", "JSON nested at most %s deep"),
    STRING_BYTES("--max-string-bytes", "JSON strings and names of at most %s"),
    DECOMPRESSED_BYTES("--max-decompressed-bytes", "at most %s once decompressed"),
    STEPS("--max-steps", "at most %s steps in a run");

    private final String option;
    private final String expected;

    Limit(String option, String expected) {
        this.option = option;
        this.expected = expected;
    }

    /** The CLI option that sets it. */
    public String option() {
        return option;
    }

    /**
     * {@code expected lines of at most 16 MiB, found a longer one (limit --max-line-bytes; raise it if the file is
     * genuine)}: one style for every limit.
     */
    public String message(ReadLimits limits, String found) {
        return "expected " + String.format(expected, shown(limits)) + ", found " + found + " (limit " + option
                + "; raise it if the file is genuine)";
    }

    /** The limit's value as shown to people: sizes in KiB/MiB/GiB, counts as numbers. */
    public String shown(ReadLimits limits) {
        return switch (this) {
            case LINE_BYTES -> ByteSize.format(limits.maxLineBytes());
            case DEPTH -> String.valueOf(limits.maxDepth());
            case STRING_BYTES -> ByteSize.format(limits.maxStringBytes());
            case DECOMPRESSED_BYTES -> ByteSize.format(limits.maxDecompressedBytes());
            case STEPS -> String.valueOf(limits.maxSteps());
        };
    }
}
