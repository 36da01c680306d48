package dev.goodput.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source ahead on a thread of its own, in chunks, so that unpacking a gzip file (a fifth of reading a big
 * trace) runs on the second core while the parser works on the first. The reader sees exactly the bytes and the
 * failure the source gives, in order: what was read before damage arrives first, then the source's own exception
 * (a {@link DamagedGzipException} or {@link ReadLimitException}, the same instance), at the same point of the
 * stream. The source is read and closed only by that thread.
 */
final class ReadAheadInput extends InputStream {
    static final int CHUNK_BYTES = 1 << 18;
    /** Chunks in flight: enough to keep both threads busy, few enough that memory stays at a megabyte or two. */
    private static final int CHUNKS = 4;

    /** A filled buffer, the end of the source, or its failure. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {
        static final Chunk END = new Chunk(new byte[0], -1, null);
    }

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 2);
    private final Thread reader;
    private volatile boolean closed;
    private Chunk current;
    private int pos;
    private boolean ended;

    private ReadAheadInput(InputStream source, String name) {
        for (int i = 0; i < CHUNKS + 2; i++) {
            free.add(new byte[CHUNK_BYTES]);
        }
        reader = new Thread(() -> fill(source), "read ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code source} read ahead on its own thread; {@code name} names the thread (the file). */
    static InputStream of(InputStream source, String name) {
        return new ReadAheadInput(source, name);
    }

    private void fill(InputStream source) {
        try (source) {
            while (!closed) {
                byte[] b = free.take();
                int n = 0;
                Throwable failure = null;
                boolean end = false;
                try {
                    while (n < b.length) {
                        int k = source.read(b, n, b.length - n);
                        if (k < 0) {
                            end = true;
                            break;
                        }
                        n += k;
                    }
                } catch (Throwable t) { // handed to the reading thread, which throws it where it belongs
                    failure = t;
                }
                if (n > 0) {
                    filled.put(new Chunk(b, n, null));
                }
                if (failure != null) {
                    filled.put(new Chunk(new byte[0], -1, failure));
                    return;
                }
                if (end) {
                    filled.put(Chunk.END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed by the reader: nothing more is wanted
        } catch (IOException e) {
            // closing the source failed after everything was read: nothing the reader can act on
        }
    }

    /** The chunk to read from, waiting for the thread; false at the end. */
    private boolean ready() throws IOException {
        if (current != null && pos < current.length) {
            return true;
        }
        if (ended) {
            return false;
        }
        if (closed) {
            throw new IOException("read after close");
        }
        if (current != null && current.length > 0) {
            free.add(current.bytes);
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        pos = 0;
        if (current.failure != null) {
            ended = true;
            throw rethrow(current.failure);
        }
        if (current.length < 0) {
            ended = true;
            return false;
        }
        return true;
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException) {
            return (IOException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new UncheckedIOException(new IOException(t));
    }

    @Override
    public int read() throws IOException {
        return ready() ? current.bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ready()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current.bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Only what is already here: as the gzip stream, nothing is promised that would wait for more. */
    @Override
    public int available() {
        return current == null || current.length < 0 ? 0 : current.length - pos;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
