package dev.goodput.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a UTF-8 stream into lines as bytes, with {@link java.io.BufferedReader#readLine}'s rules (a line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}; a leading byte-order mark is skipped), without decoding the whole
 * stream to characters and copying each line into a String: the canonical run log's step lines are parsed straight
 * from these bytes. Two lines stay readable at once, in two slots, since the JSON Lines reader looks one line ahead.
 * <p>Lines are limited as {@link LineLimitInput} limits them (the same bytes counted, the same message), but checked
 * as each line is split rather than on each byte read: the lines before an overlong one are all read first.
 */
final class ByteLines implements Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    /** The stream offset of {@code buf[0]}. */
    private long base;
    private int lim;
    private boolean eof;
    private boolean started;
    /** A line ended at a lone {@code \r}: a {@code \n} first thing next is that line's terminator, as readLine does. */
    private boolean skipLf;
    private int last = -1;
    private final int[] start = {-1, -1};
    private final int[] end = new int[2];
    private final ReadLimits limits;
    private final long maxBytes;
    /** Bytes since the last {@code \n} (a lone {@code \r} does not end a line for the limit), and those {@code \n}s. */
    private long sinceNewline;
    private long newlines;

    /**
     * @param in       the file's bytes (not limited: this counts them as {@link LineLimitInput} would)
     * @param limits   the longest line ({@link ReadLimits#maxLineBytes()}, in bytes between {@code \n}s)
     */
    ByteLines(InputStream in, ReadLimits limits) {
        this.in = in;
        this.limits = limits;
        this.maxBytes = limits.maxLineBytes();
    }

    /**
     * Reads the next line into {@code slot} (0 or 1), keeping the other slot's line readable.
     *
     * @return false at the end of the stream (the slot is then empty)
     */
    boolean read(int slot) throws IOException {
        start[slot] = -1;
        if (!started) {
            started = true;
            while (lim - pos < 3 && fill(pos)) {
                // enough bytes to see a byte-order mark, however few each read gives
            }
            if (lim - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB
                    && (buf[pos + 2] & 0xFF) == 0xBF) {
                pos += 3;
                sinceNewline = 3; // counted as the line's, as LineLimitInput counts them
            }
        }
        if (skipLf) {
            if (pos >= lim && !fill(pos)) {
                return false;
            }
            skipLf = false;
            if (buf[pos] == '\n') {
                pos++;
                newline();
            }
        }
        int from = pos;
        int k = pos;
        while (true) {
            byte[] b = buf;
            int stop = lim;
            k = LineBreaks.lineEnd(b, k, stop);
            if (k < stop) {
                start[slot] = from;
                end[slot] = k;
                pos = k + 1;
                count(k - from);
                if (b[k] == '\n') {
                    newline();
                } else {
                    skipLf = true;
                    count(1);
                }
                return true;
            }
            int scanned = k - from;
            if (sinceNewline + scanned > maxBytes) {
                count(scanned); // refused before the line is held whole
            }
            boolean more = fill(from);
            from = pos; // the bytes kept may have moved to the front
            k = from + scanned;
            if (!more) {
                if (scanned > 0) { // the last line, with no line break after it
                    count(scanned);
                    start[slot] = from;
                    end[slot] = k;
                    pos = k;
                    return true;
                }
                return false;
            }
        }
    }

    /**
     * Counts {@code n} more bytes of the current line: past the limit, the line is refused as {@link LineLimitInput}
     * refuses it, with the same message and line number ({@code \n}s before it, plus one).
     */
    private void count(long n) throws ReadLimitException {
        sinceNewline += n;
        if (sinceNewline > maxBytes) {
            throw new ReadLimitException(Limit.LINE_BYTES, newlines + 1, Limit.LINE_BYTES.message(limits,
                    "a longer one"));
        }
    }

    private void newline() {
        newlines++;
        sinceNewline = 0;
    }

    /**
     * Reads more bytes after {@link #lim}, first moving the bytes still needed (a slot's line, and the line being read
     * from {@code from}) to the front; {@link #pos} is where {@code from} is afterwards.
     *
     * @return false at the end of the stream
     */
    private boolean fill(int from) throws IOException {
        if (eof) {
            pos = from;
            return false;
        }
        int keep = from;
        for (int s = 0; s < 2; s++) {
            if (start[s] >= 0 && start[s] < keep) {
                keep = start[s];
            }
        }
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            base += keep;
            lim -= keep;
            from -= keep;
            for (int s = 0; s < 2; s++) {
                if (start[s] >= 0) {
                    start[s] -= keep;
                    end[s] -= keep;
                }
            }
        }
        if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer (LineLimitInput caps it)
        }
        pos = from;
        int n;
        do {
            n = in.read(buf, lim, buf.length - lim);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        last = buf[lim - 1] & 0xFF;
        return true;
    }

    /** The stream offset of the line in {@code slot} (the byte-order mark counted). */
    long offset(int slot) {
        return base + start[slot];
    }

    /**
     * Moves on to the line starting at stream offset {@code offset}, after {@code lines} whole lines read elsewhere
     * (each ending in {@code \n}, none overlong): both slots are emptied, and the line limit counts from there.
     */
    void skipTo(long offset, long lines) throws IOException {
        start[0] = -1;
        start[1] = -1;
        if (offset <= base + lim) {
            pos = (int) (offset - base);
        } else {
            long skip = offset - (base + lim);
            while (skip > 0) {
                long n = in.skip(skip);
                if (n <= 0) {
                    throw new java.io.EOFException("expected " + skip + " more bytes to skip");
                }
                skip -= n;
            }
            base = offset;
            lim = 0;
            pos = 0;
            last = '\n'; // the last skipped byte ends the last line read elsewhere
        }
        skipLf = false;
        newlines += lines;
        sinceNewline = 0;
    }

    /** The bytes of the line in {@code slot} (valid until the next read into the other slot moves them). */
    byte[] bytes() {
        return buf;
    }

    int start(int slot) {
        return start[slot];
    }

    int end(int slot) {
        return end[slot];
    }

    /** The line in {@code slot} as text (malformed UTF-8 as U+FFFD, as a reader's decoding gives it). */
    String text(int slot) {
        return new String(buf, start[slot], end[slot] - start[slot], StandardCharsets.UTF_8);
    }

    /**
     * Whether the line in {@code slot} is blank as {@link String#isBlank()} judges it: only white space. Decoded only
     * when it holds bytes outside ASCII (white space beyond ASCII, such as U+3000).
     */
    boolean blank(int slot) {
        for (int i = start[slot], e = end[slot]; i < e; i++) {
            byte c = buf[i];
            if (c < 0) {
                return text(slot).isBlank();
            }
            if (!(c == ' ' || c == '\t' || c >= 0x0B && c <= 0x0D || c >= 0x1C && c <= 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes read so far end with a line break (or none were read). */
    boolean endsWithLineBreak() {
        return last < 0 || last == '\n' || last == '\r';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
