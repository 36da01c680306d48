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
        for (int i = off; i < off + n; i++) {
            count(b[i]);
        }
        return n;
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
