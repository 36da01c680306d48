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

    public static InputStream open(Path file) throws IOException {
        return open(file, ReadLimits.DEFAULTS);
    }

    public static InputStream open(Path file, ReadLimits limits) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return isGzip(in) ? new BufferedInputStream(GzipInput.of(in, Files.size(file), limits), 1 << 16) : in;
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
        byte[] buf = new byte[chars * 2]; // UTF-8 of mostly ASCII text: enough bytes for the characters asked for
        int n = 0;
        try (InputStream in = openUnbuffered(file)) {
            while (n < buf.length) {
                int k = in.read(buf, n, buf.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
        } catch (java.util.zip.ZipException e) {
            if (n == 0) {
                throw e;
            }
        }
        String text = new String(buf, 0, n, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.substring(0, Math.min(chars, text.length())).stripLeading();
    }

    /** As {@link #open(Path)} but each read returns what one step unpacks, so reading up to damage keeps it. */
    private static InputStream openUnbuffered(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return isGzip(in) ? GzipInput.of(in, Files.size(file), ReadLimits.DEFAULTS) : in;
    }
}
