package dev.goodput.core.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens input files read-only, unpacking gzip transparently within {@link ReadLimits} (a damaged gzip fails with
 * its byte offset, {@link DamagedGzipException}). Inputs are never written.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** Compressed size from which gzip is unpacked ahead on its own thread ({@link ReadAheadInput}). */
    static final long READ_AHEAD_FROM_BYTES = 256 * 1024;

    public static InputStream open(Path file) throws IOException {
        return open(file, ReadLimits.DEFAULTS);
    }

    public static InputStream open(Path file, ReadLimits limits) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (!isGzip(in)) {
            return in;
        }
        long size = Files.size(file);
        InputStream unpacked = GzipInput.of(in, size, limits);
        // A file that unpacks to megabytes is unpacked on a second thread while the reader parses.
        return size > READ_AHEAD_FROM_BYTES ? ReadAheadInput.of(unpacked, file.getFileName().toString())
                : new BufferedInputStream(unpacked, 1 << 16);
    }

    /** Whether the stream starts with gzip's magic bytes; it is left where it was. */
    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** A UTF-8 reader that skips a byte-order mark, which spreadsheet exports like to add. */
    public static BufferedReader reader(Path file) throws IOException {
        return reader(file, ReadLimits.DEFAULTS);
    }

    /** A UTF-8 reader, as {@link #reader(Path)}, within the limits; lines are not limited (JSON documents). */
    public static BufferedReader reader(Path file, ReadLimits limits) throws IOException {
        return skipByteOrderMark(open(file, limits));
    }

    /**
     * A UTF-8 reader of a line-based file (JSON Lines, CSV): a line longer than {@link ReadLimits#maxLineBytes()}
     * fails with a {@link ReadLimitException} naming its line, before it is held in memory.
     */
    public static BufferedReader lineReader(Path file, ReadLimits limits) throws IOException {
        return skipByteOrderMark(new LineLimitInput(open(file, limits), limits));
    }

    private static BufferedReader skipByteOrderMark(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /**
     * The first non-blank characters of a file (after gzip), for format detection. A compressed file cut short or
     * damaged gives what unpacks before the damage (the reader then reports it, with its line and byte).
     */
    public static String head(Path file, int chars) throws IOException {
        // UTF-8 of mostly ASCII text: twice the bytes are enough for the characters asked for.
        String text = new String(headBytes(file, chars * 2), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.substring(0, Math.min(chars, text.length())).stripLeading();
    }

    /**
     * The first {@code n} bytes of a file (after gzip), or fewer when it is shorter or its gzip is damaged after
     * them; damage before any byte unpacks is thrown ({@link DamagedGzipException}). A peek that unpacks no further,
     * unlike a stream from {@link #open}, which may unpack ahead.
     */
    public static byte[] headBytes(Path file, int n) throws IOException {
        byte[] buf = new byte[n];
        int got = 0;
        try (InputStream in = openUnbuffered(file)) {
            while (got < n) {
                int k = in.read(buf, got, n - got);
                if (k < 0) {
                    break;
                }
                got += k;
            }
        } catch (java.util.zip.ZipException e) {
            if (got == 0) {
                throw e;
            }
        }
        return java.util.Arrays.copyOf(buf, got);
    }

    /** As {@link #open(Path)} but each read returns what one step unpacks, so reading up to damage keeps it. */
    private static InputStream openUnbuffered(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return isGzip(in) ? GzipInput.of(in, Files.size(file), ReadLimits.DEFAULTS) : in;
    }
}
