package dev.goodput.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a line-based file at a line longer than {@link ReadLimits#maxLineBytes()}, before a reader builds it in
 * memory (a 2 GiB line packs into a 2 MB gzip). Counts bytes, and {@code \n}s, so the message has the line.
 */
final class LineLimitInput extends FilterInputStream {
    private final ReadLimits limits;
    private long lineBytes;
    private long line = 1;

    LineLimitInput(InputStream in, ReadLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count(b, off, off + n);
        }
        return n;
    }

    /** {@link #count(byte)} of each byte, with the counts in locals: this runs over every byte of a large file. */
    private void count(byte[] b, int from, int to) throws ReadLimitException {
        long max = limits.maxLineBytes();
        long run = lineBytes;
        long lines = line;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                lines++;
                run = 0;
            } else if (++run > max) {
                line = lines;
                lineBytes = run;
                throw new ReadLimitException(Limit.LINE_BYTES, line, Limit.LINE_BYTES.message(limits, "a longer one"));
            }
        }
        lineBytes = run;
        line = lines;
    }

    private void count(byte b) throws ReadLimitException {
        if (b == '\n') {
            line++;
            lineBytes = 0;
        } else if (++lineBytes > limits.maxLineBytes()) {
            throw new ReadLimitException(Limit.LINE_BYTES, line, Limit.LINE_BYTES.message(limits, "a longer one"));
        }
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))])); // counted like any read
    }
}
