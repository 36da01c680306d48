package dev.goodput.core.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * gzip unpacked with its position known: damage is reported at its compressed byte ({@link DamagedGzipException}),
 * and what it unpacks to is counted against {@link ReadLimits#maxDecompressedBytes()}, so a small file that unpacks
 * to terabytes (a gzip bomb) stops with a message instead of running for hours.
 */
final class GzipInput extends GZIPInputStream {
    private final Counted raw;
    private final long size;
    private final ReadLimits limits;
    private long unpacked;

    private GzipInput(Counted raw, long size, ReadLimits limits) throws IOException {
        super(raw, 1 << 16);
        this.raw = raw;
        this.size = size;
        this.limits = limits;
    }

    /** Unpacks {@code in} (a gzip stream of {@code size} bytes), failing with the byte offset when damaged. */
    static InputStream of(InputStream in, long size, ReadLimits limits) throws IOException {
        Counted raw = new Counted(in);
        try {
            return new GzipInput(raw, size, limits);
        } catch (EOFException e) {
            throw new DamagedGzipException(raw.count, size, "expected a gzip header, found the end of the file");
        } catch (ZipException e) {
            throw new DamagedGzipException(raw.count, size, "expected a gzip header (" + e.getMessage() + ")");
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (EOFException e) {
            throw new DamagedGzipException(raw.count, size, "expected more data: the file ends early (cut off "
                    + "while it was copied?)");
        } catch (ZipException e) {
            // The inflater holds bytes it was given but has not used: the damage is where it stopped.
            long at = Math.max(0, raw.count - inf.getRemaining());
            throw new DamagedGzipException(at, size, "expected valid compressed data (" + e.getMessage() + ")");
        }
        if (n > 0) {
            unpacked += n;
            if (unpacked > limits.maxDecompressedBytes()) {
                throw new ReadLimitException(Limit.DECOMPRESSED_BYTES, 0, Limit.DECOMPRESSED_BYTES.message(limits,
                        "more from " + size + " compressed bytes"));
            }
        }
        return n;
    }

    /**
     * Nothing is promised ready: a buffered reader over this then returns what it has before asking again, so the
     * text before damage reaches the reader (which reports the damage with its line) instead of being dropped.
     */
    @Override
    public int available() {
        return 0;
    }

    /** Counts the compressed bytes handed to the inflater. */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += Math.max(0, k);
            return k;
        }
    }
}
