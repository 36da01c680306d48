package dev.goodput.core.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens input files read-only, unpacking gzip transparently. Inputs are never written. */
public final class InputFiles {
    private InputFiles() {
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    /** A UTF-8 reader that skips a byte-order mark, which spreadsheet exports like to add. */
    public static BufferedReader reader(Path file) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /** The first non-blank characters of a file (after gzip), for format detection. */
    public static String head(Path file, int chars) throws IOException {
        char[] buf = new char[chars];
        int n = 0;
        try (BufferedReader r = reader(file)) {
            while (n < chars) {
                int k = r.read(buf, n, chars - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
        } catch (java.io.EOFException e) {
            // A compressed file cut short: its start still tells the format; the reader reports the cut.
            if (n == 0) {
                throw e;
            }
        }
        return new String(buf, 0, n).stripLeading();
    }
}
