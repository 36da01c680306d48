package dev.goodput.core.io.logs;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits UTF-8 text into lines with a limit on their length, so a file with no line breaks (or a binary one) cannot
 * exhaust memory. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (progress bars redraw with {@code \r});
 * {@link #lineNumber()} counts {@code \n} only, as editors do, so the pieces of a redrawn line share its number
 * (in a file whose lines all end in a lone {@code \r}, those count).
 *
 * <p>It splits bytes, not characters (no byte of a multi-byte UTF-8 character is a line break), and decodes each line
 * once: that is about twice as fast as {@link java.io.BufferedReader#readLine}, which decodes the whole stream to
 * characters and then copies each line again. Malformed bytes become U+FFFD, as a reader's would. A UTF-8
 * byte-order mark is skipped.
 */
final class BoundedLineReader implements Closeable {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private long newlines;
    private boolean sawNewline;
    private long number;
    private boolean cut;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line (cut to the limit when longer; see {@link #wasCut()}), or null at the end. */
    String next() throws IOException {
        partial.reset();
        cut = false;
        number = newlines + 1;
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            if (pos >= lim && !fill()) {
                return partial.size() > 0 || cut ? decodePartial() : null;
            }
            int k = pos;
            byte[] b = buf;
            int end = lim;
            while (k < end) {
                byte c = b[k];
                if (c == '\n' || c == '\r') {
                    break;
                }
                k++;
            }
            if (k < end && partial.size() == 0 && k - pos <= maxBytes) {
                // The common case: the whole line is in the buffer; one decode.
                String line = new String(b, pos, k - pos, StandardCharsets.UTF_8);
                consumeTerminator(k);
                return line;
            }
            append(pos, k);
            if (k == end) {
                pos = end;
                continue;
            }
            consumeTerminator(k);
            return decodePartial();
        }
    }

    private String decodePartial() {
        return partial.toString(StandardCharsets.UTF_8);
    }

    private void consumeTerminator(int k) throws IOException {
        byte c = buf[k];
        pos = k + 1;
        if (c == '\n') {
            newlines++;
            sawNewline = true;
        } else if ((pos < lim || fill()) && buf[pos] == '\n') {
            pos++;
            newlines++;
            sawNewline = true;
        } else if (!sawNewline) {
            newlines++; // a file whose lines end in a lone \r (old Mac style): those are its lines
        }
    }

    /** The 1-based line number of the line {@link #next()} returned last. */
    long lineNumber() {
        return number;
    }

    /** Whether the last line was longer than the limit (only its start was kept). */
    boolean wasCut() {
        return cut;
    }

    private void append(int from, int to) {
        int room = maxBytes - partial.size();
        if (to - from > room) {
            cut = true;
            partial.write(buf, from, Math.max(0, room));
        } else {
            partial.write(buf, from, to - from);
        }
    }

    private void skipByteOrderMark() throws IOException {
        if (fill() && lim - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
                && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    /** Reads more when the buffer is used up; keeps what is left of it otherwise. */
    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
