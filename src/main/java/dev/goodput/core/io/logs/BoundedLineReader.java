package dev.goodput.core.io.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines with a limit on their length, so a file with no line breaks (or a binary one) cannot
 * exhaust memory. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (progress bars redraw with {@code \r});
 * {@link #lineNumber()} counts {@code \n} only, as editors do, so the pieces of a redrawn line share its number.
 */
final class BoundedLineReader implements Closeable {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long newlines;
    private long number;
    private boolean cut;
    private final StringBuilder partial = new StringBuilder();

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line (cut to the limit when longer; see {@link #wasCut()}), or null at the end. */
    String next() throws IOException {
        partial.setLength(0);
        cut = false;
        number = newlines + 1;
        while (true) {
            if (pos >= lim && !fill()) {
                return partial.length() > 0 || cut ? partial.toString() : null;
            }
            int k = pos;
            while (k < lim) {
                char c = buf[k];
                if (c == '\n' || c == '\r') {
                    break;
                }
                k++;
            }
            if (k < lim && partial.length() == 0 && k - pos <= maxChars) {
                // The common case: the whole line is in the buffer; one copy.
                String line = new String(buf, pos, k - pos);
                consumeTerminator(k);
                return line;
            }
            append(pos, k);
            if (k == lim) {
                pos = lim;
                continue;
            }
            consumeTerminator(k);
            return partial.toString();
        }
    }

    private void consumeTerminator(int k) throws IOException {
        char c = buf[k];
        pos = k + 1;
        if (c == '\n') {
            newlines++;
        } else if ((pos < lim || fill()) && buf[pos] == '\n') {
            pos++;
            newlines++;
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
        int room = maxChars - partial.length();
        if (to - from > room) {
            cut = true;
            partial.append(buf, from, Math.max(0, room));
        } else {
            partial.append(buf, from, to - from);
        }
    }

    private boolean fill() throws IOException {
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
