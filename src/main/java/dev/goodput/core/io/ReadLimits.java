package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * How much one file may ask of memory: the length of a line, the nesting depth and string length of JSON, the bytes
 * a compressed file unpacks to, and the steps a run log expands to. The defaults are far above real runs (see
 * docs/robustness.md, "Limits"), so they only stop files that would otherwise exhaust memory.
 *
 * @param maxLineBytes         longest line of a JSON Lines or CSV file, in bytes
 * @param maxDepth             deepest nesting of JSON objects and arrays
 * @param maxStringBytes       longest JSON string or field name, in characters (bytes for ASCII)
 * @param maxDecompressedBytes most bytes one gzip file may unpack to
 * @param maxSteps             most steps a run log may hold, step_range records expanded
 */
public record ReadLimits(long maxLineBytes, int maxDepth, long maxStringBytes, long maxDecompressedBytes,
                         long maxSteps) {
    /** Longest number Jackson reads (digits); not an option: no real number is near it. */
    static final int MAX_NUMBER_LENGTH = 1000;

    public static final ReadLimits DEFAULTS = new ReadLimits(16L << 20, 64, 16L << 20, 16L << 30, 10_000_000L);

    public ReadLimits {
        if (maxLineBytes <= 0 || maxDepth <= 0 || maxStringBytes <= 0 || maxDecompressedBytes <= 0 || maxSteps <= 0) {
            throw new IllegalArgumentException("expected every limit above 0");
        }
    }

    /** The limit's value (depth and steps as counts, the others in bytes). */
    public long value(Limit limit) {
        return switch (limit) {
            case LINE_BYTES -> maxLineBytes;
            case DEPTH -> maxDepth;
            case STRING_BYTES -> maxStringBytes;
            case DECOMPRESSED_BYTES -> maxDecompressedBytes;
            case STEPS -> maxSteps;
        };
    }

    /** These limits with one changed. */
    public ReadLimits with(Limit limit, long value) {
        return new ReadLimits(limit == Limit.LINE_BYTES ? value : maxLineBytes,
                limit == Limit.DEPTH ? (int) Math.min(Integer.MAX_VALUE, value) : maxDepth,
                limit == Limit.STRING_BYTES ? value : maxStringBytes,
                limit == Limit.DECOMPRESSED_BYTES ? value : maxDecompressedBytes,
                limit == Limit.STEPS ? value : maxSteps);
    }

    /** Jackson's read constraints for these limits (its own defaults would name its internals when exceeded). */
    public StreamReadConstraints constraints() {
        int strings = (int) Math.min(Integer.MAX_VALUE, maxStringBytes);
        return StreamReadConstraints.builder().maxNestingDepth(maxDepth).maxStringLength(strings)
                .maxNameLength(strings).maxNumberLength(MAX_NUMBER_LENGTH).build();
    }

    /** A JSON factory bound by these limits. */
    public JsonFactory jsonFactory(TSFBuilder<?, ?> builder) {
        return builder.streamReadConstraints(constraints()).build();
    }

    /** A plain JSON factory bound by these limits. */
    public JsonFactory jsonFactory() {
        return jsonFactory(JsonFactory.builder());
    }

    /**
     * What a Jackson constraint failure means, in the house style ({@code expected JSON nested at most 1000 deep,
     * found deeper (limit --max-depth; raise it if the file is genuine)}).
     */
    public String describe(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("getMaxNestingDepth")) {
            return Limit.DEPTH.message(this, "deeper");
        }
        if (m.contains("getMaxStringLength") || m.contains("getMaxNameLength")) {
            return Limit.STRING_BYTES.message(this, "a longer one");
        }
        if (m.contains("getMaxNumberLength")) {
            return "expected numbers of at most " + MAX_NUMBER_LENGTH + " digits, found a longer one";
        }
        return "expected a JSON document within the reader's limits (" + m.lines().findFirst().orElse("") + ")";
    }
}
