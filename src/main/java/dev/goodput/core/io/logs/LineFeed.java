package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputFiles;
import dev.goodput.core.io.ReadLimits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a file, split, decoded and with their prefixes read ({@link LinePrefix}), in batches. For a large file
 * this runs on a thread of its own, ahead of the recognisers, so that a log is read on two cores: splitting and
 * prefixes cost about as much as recognising. Blank lines are left out; lines over the limit are counted.
 */
final class LineFeed implements Closeable {
    /** Files smaller than this are read on the caller's thread: a thread would cost more than it saves. */
    static final long THREAD_ABOVE_BYTES = 4L << 20;
    private static final int BATCH = 1024;
    /** At most this many characters per batch, so the queue holds a few MB however long the lines. */
    private static final int BATCH_CHARS = 256 * 1024;

    /**
     * A batch of lines; {@code overlong} lines over the limit were skipped before its end; {@code lastLine} is the
     * number of the last line split.
     */
    record Batch(List<LogLine> lines, long overlong, long lastLine, IOException failure, boolean last) {
    }

    private final BoundedLineReader reader;
    private final String file;
    private final LogTime clock;
    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private volatile boolean closed;
    /** Number of the last line split so far (blank and overlong ones included). */
    private long lastLine;

    LineFeed(Path path, LogTime clock, int maxLine) throws IOException {
        this(path, clock, maxLine, ReadLimits.DEFAULTS);
    }

    /** Lines of {@code maxLine} bytes at most (longer ones are counted, not kept), from a file within the limits. */
    LineFeed(Path path, LogTime clock, int maxLine, ReadLimits limits) throws IOException {
        this.reader = new BoundedLineReader(InputFiles.open(path, limits),
                (int) Math.min(maxLine, limits.maxLineBytes()));
        this.file = path.toString();
        this.clock = clock;
        boolean threaded = java.nio.file.Files.size(path) > THREAD_ABOVE_BYTES
                && Runtime.getRuntime().availableProcessors() > 1;
        if (threaded) {
            queue = new ArrayBlockingQueue<>(8);
            thread = new Thread(this::produce, "goodput-log-reader");
            thread.setDaemon(true);
            thread.start();
        } else {
            queue = null;
            thread = null;
        }
    }

    /** The next batch; its {@code last} flag marks the end of the file (or a read failure). */
    Batch next() throws IOException {
        if (queue == null) {
            return read();
        }
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + file);
        }
    }

    private void produce() {
        try {
            while (!closed) {
                Batch b;
                try {
                    b = read();
                } catch (RuntimeException | Error e) { // e.g. out of memory: the reader must not wait forever
                    b = new Batch(List.of(), 0, lastLine, new IOException("reading failed: " + e, e), true);
                }
                while (!closed && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    // the recognisers are behind; wait (or stop when closed)
                }
                if (b.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Batch read() {
        List<LogLine> lines = new ArrayList<>(BATCH);
        long overlong = 0;
        long chars = 0;
        try {
            while (lines.size() < BATCH && chars < BATCH_CHARS) { // bounded in lines and in text held
                String text = reader.next();
                if (text == null) {
                    return new Batch(lines, overlong, lastLine, null, true);
                }
                lastLine = reader.lineNumber();
                if (reader.wasCut()) {
                    overlong++;
                    continue;
                }
                if (text.isBlank()) {
                    continue;
                }
                LogLine line = new LogLine();
                line.reset(file, lastLine, text, clock);
                LinePrefix.parse(line);
                lines.add(line);
                chars += text.length();
            }
            return new Batch(lines, overlong, lastLine, null, false);
        } catch (IOException e) {
            return new Batch(lines, overlong, lastLine, e, true);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader.close();
    }
}
