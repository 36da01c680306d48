package dev.goodput.cli;

import dev.goodput.core.io.ByteSize;
import dev.goodput.core.io.ReadLimits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The resource limits on reading files, as options of every command that reads them (a picocli mixin): a file past
 * one is refused with a message naming the option, which raises it for a genuine file.
 */
final class ReadLimitOptions {
    private static final ReadLimits D = ReadLimits.DEFAULTS;

    @Option(names = "--max-line-bytes", paramLabel = "SIZE", converter = Size.class,
            description = "Longest line of a JSON Lines or CSV run log (default: 16M). Sizes: 65536, 64K, 16M, 2G.")
    Long maxLineBytes;

    @Option(names = "--max-depth", paramLabel = "N",
            description = "Deepest nesting of JSON objects and arrays (default: 64).")
    Integer maxDepth;

    @Option(names = "--max-string-bytes", paramLabel = "SIZE", converter = Size.class,
            description = "Longest JSON string or field name, in characters (default: 16M).")
    Long maxStringBytes;

    @Option(names = "--max-decompressed-bytes", paramLabel = "SIZE", converter = Size.class,
            description = "Most bytes one .gz file may unpack to (default: 16G): stops gzip bombs.")
    Long maxDecompressedBytes;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Most steps a run may hold, step_range records expanded (default: 10000000; each takes "
                    + "~250 bytes of heap).")
    Long maxSteps;

    /** The defaults with what was given instead. */
    ReadLimits limits() throws CommandFailure {
        if (maxDepth != null && maxDepth <= 0 || maxSteps != null && maxSteps <= 0) {
            throw CommandFailure.usage("expected --max-depth and --max-steps above 0, found "
                    + (maxDepth != null && maxDepth <= 0 ? maxDepth : maxSteps));
        }
        return new ReadLimits(maxLineBytes != null ? maxLineBytes : D.maxLineBytes(),
                maxDepth != null ? maxDepth : D.maxDepth(),
                maxStringBytes != null ? maxStringBytes : D.maxStringBytes(),
                maxDecompressedBytes != null ? maxDecompressedBytes : D.maxDecompressedBytes(),
                maxSteps != null ? maxSteps : D.maxSteps());
    }

    /** {@code 16M}, {@code 16MiB}, {@code 65536}: a size in bytes. */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return ByteSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
