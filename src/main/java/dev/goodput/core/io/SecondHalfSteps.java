package dev.goodput.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Parses the canonical step lines of a plain run log's second half on another thread while the reader reads the
 * first half (two cores, half the wall time of a million-step log). It starts at the first line after 45% of the
 * file (the reader also maps the steps taken here, so both end about together) and takes runs of consecutive
 * canonical step lines ({@link CanonicalStepLine}) ending in {@code \n}: a segment each. Any other line (a
 * checkpoint, a blank line, a near miss) ends a segment and is left to the reader, and the next step line starts
 * another. The reader, on reaching a segment's first line, maps its steps (numbering their lines itself, so messages
 * keep their exact line) and reads on from the first line not taken, as it would have. It stops at an overlong line,
 * or at a last line without a line break. A compressed file, a small one, or any failure here leaves the whole file
 * to the reader.
 */
final class SecondHalfSteps {
    /** Files smaller than this are read on one thread: a thread would cost more than it saves. */
    static final long MIN_BYTES = 4L << 20;

    private final Path file;
    private final ReadLimits limits;
    private final long startOffset;
    private final Thread thread;
    private volatile boolean cancelled;
    private long[] number = new long[1 << 14];
    private long[] start = new long[1 << 14];
    private long[] end = new long[1 << 14];
    private long[] tokens = new long[1 << 14];
    private int count;
    /** Per segment: the offset of its first line, of the first line after it, and the steps taken up to its end. */
    private long[] segmentStart = new long[16];
    private long[] segmentStop = new long[16];
    private int[] segmentEnd = new int[16];
    private int segments;
    private boolean inSegment;

    private SecondHalfSteps(Path file, ReadLimits limits, long startOffset) {
        this.file = file;
        this.limits = limits;
        this.startOffset = startOffset;
        this.thread = new Thread(this::run, "goodput-run-log-second-half");
        thread.setDaemon(true);
    }

    /** Starts on the second half of {@code file}, or returns null when the file is to be read on one thread. */
    static SecondHalfSteps start(Path file, ReadLimits limits, long minBytes) {
        if (!Files.isRegularFile(file)) {
            return null; // checked before opening: opening a FIFO would wait for a writer
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < Math.max(2, minBytes)) {
                return null;
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            ch.read(head, 0);
            if (head.get(0) == (byte) 0x1f && head.get(1) == (byte) 0x8b) {
                return null; // gzip: no middle to start from
            }
            // A little before the middle: the reader also maps the steps taken here, so both halves end together.
            long mid = lineStartAfter(ch, size / 20 * 9, size);
            if (mid < 0) {
                return null;
            }
            SecondHalfSteps s = new SecondHalfSteps(file, limits, mid);
            s.thread.start();
            return s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The offset just after the first {@code \n} at or after {@code from}, or -1 (none in the next 1 MiB). */
    private static long lineStartAfter(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < size && at < from + (1 << 20); ) {
            b.clear();
            int n = ch.read(b, at);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return at + i + 1 < size ? at + i + 1 : -1;
                }
            }
            at += n;
        }
        return -1;
    }

    /** The offset of the middle line: the reader joins this when its line starts here. */
    long startOffset() {
        return startOffset;
    }

    /** Stops early (the reader failed before the middle); what is taken is then not used. */
    void cancel() {
        cancelled = true;
    }

    /** Waits for the steps; the number of segments taken (0: none, read them all on the reader's thread). */
    int join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            return 0;
        }
        return cancelled ? 0 : segments;
    }

    /** The offset of segment {@code s}'s first line: the reader maps the segment when its line starts here. */
    long segmentStart(int s) {
        return segmentStart[s];
    }

    /** The offset of the first line after segment {@code s}, which the reader reads on from. */
    long segmentStop(int s) {
        return segmentStop[s];
    }

    /** The index of segment {@code s}'s first step. */
    int segmentFrom(int s) {
        return s == 0 ? 0 : segmentEnd[s - 1];
    }

    /** The index after segment {@code s}'s last step. */
    int segmentTo(int s) {
        return segmentEnd[s];
    }

    long number(int i) {
        return number[i];
    }

    long startUs(int i) {
        return start[i];
    }

    long endUs(int i) {
        return end[i];
    }

    long tokens(int i) {
        return tokens[i];
    }

    private void run() {
        CanonicalStepLine line = new CanonicalStepLine(limits.maxStringBytes());
        long maxLine = limits.maxLineBytes();
        byte[] buf = new byte[1 << 16];
        int pos = 0;
        int lim = 0;
        long base = startOffset; // file offset of buf[0]
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (!cancelled) {
                int k = LineBreaks.newline(buf, pos, lim);
                if (k == lim) { // no whole line in the buffer: read more, or stop at the end
                    if (pos > 0) {
                        System.arraycopy(buf, pos, buf, 0, lim - pos);
                        base += pos;
                        lim -= pos;
                        k -= pos;
                        pos = 0;
                    }
                    if (lim == buf.length) {
                        break; // a line this long is no canonical step line
                    }
                    int n = ch.read(ByteBuffer.wrap(buf, lim, buf.length - lim), base + lim);
                    if (n <= 0) {
                        break; // the last line, without a line break: left to the reader
                    }
                    lim += n;
                    continue;
                }
                if (k - pos > maxLine) {
                    break; // the reader says it is too long
                }
                if (line.parse(buf, pos, k)) {
                    if (!inSegment) {
                        open(base + pos);
                    }
                    add(line);
                } else if (inSegment) {
                    close(base + pos);
                }
                pos = k + 1;
            }
            if (inSegment) {
                close(base + pos);
            }
        } catch (IOException | RuntimeException e) {
            cancelled = true; // the reader reads it all itself, and says what is wrong
        }
    }

    private void open(long offset) {
        if (segments == segmentStart.length) {
            int n = segments * 2;
            segmentStart = Arrays.copyOf(segmentStart, n);
            segmentStop = Arrays.copyOf(segmentStop, n);
            segmentEnd = Arrays.copyOf(segmentEnd, n);
        }
        segmentStart[segments] = offset;
        inSegment = true;
    }

    private void close(long offset) {
        segmentStop[segments] = offset;
        segmentEnd[segments] = count;
        segments++;
        inSegment = false;
    }

    private void add(CanonicalStepLine line) {
        if (count == number.length) {
            int n = count * 2;
            number = Arrays.copyOf(number, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            tokens = Arrays.copyOf(tokens, n);
        }
        number[count] = line.number();
        start[count] = line.startUs();
        end[count] = line.endUs();
        tokens[count] = line.tokens();
        count++;
    }
}
