package dev.goodput.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Training steps as primitive columns, sorted by start time: a million steps cost about 40 MB, not the
 * hundreds an object per step would. Immutable; read it by row index.
 */
public final class StepTable {
    private static final StepTable EMPTY = new StepTable(new long[0], new long[0], new long[0], new long[0], null, null,
            new int[0], List.of());

    private final long[] number;
    private final long[] startUs;
    private final long[] endUs;
    private final long[] tokens;
    /** Null when no step has a reported rate (all NaN). */
    private final double[] flopRate;
    /** Null when every step is from the first file. */
    private final int[] fileIndex;
    private final int[] line;
    private final List<String> files;

    private StepTable(long[] number, long[] startUs, long[] endUs, long[] tokens, double[] flopRate, int[] fileIndex,
                      int[] line, List<String> files) {
        this.number = number;
        this.startUs = startUs;
        this.endUs = endUs;
        this.tokens = tokens;
        this.flopRate = flopRate;
        this.fileIndex = fileIndex;
        this.line = line;
        this.files = List.copyOf(files);
    }

    public static StepTable empty() {
        return EMPTY;
    }

    public int size() {
        return number.length;
    }

    public long number(int row) {
        return number[row];
    }

    public long startUs(int row) {
        return startUs[row];
    }

    /** The first row whose step starts at or after {@code t} ({@link #size()} when none does): rows are in start order. */
    public int firstStartingAtOrAfter(long t) {
        int lo = 0;
        int hi = number.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (startUs[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The logged end, or {@link Times#UNKNOWN}. */
    public long endUs(int row) {
        return endUs[row];
    }

    /** Tokens processed by the step, or -1 when not logged. */
    public long tokens(int row) {
        return tokens[row];
    }

    /**
     * The model FLOP/s per accelerator the trainer itself reported for this step (e.g. Megatron's
     * "throughput per GPU (TFLOP/s/GPU)" × 10^12), or NaN when the log gives none. See
     * {@link RunMetadata#reportedFlops()} for what the figure counts.
     */
    public double reportedFlopRate(int row) {
        if (flopRate == null) {
            Objects.checkIndex(row, number.length); // a row out of range fails as it does with rates
            return Double.NaN;
        }
        return flopRate[row];
    }

    public Source source(int row) {
        return new Source(files.get(fileIndex == null ? 0 : fileIndex[row]), line[row]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepTable t && Arrays.equals(number, t.number) && Arrays.equals(startUs, t.startUs)
                && Arrays.equals(endUs, t.endUs) && Arrays.equals(tokens, t.tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(startUs);
    }

    /**
     * Collects steps in any order; {@link #build()} sorts them by start time (stable for ties). The columns grow in
     * chunks of {@value #CHUNK} rows, never copied as they grow: a million steps added one by one cost no doubling
     * copies and no collections moving ever larger arrays, and no guess at how many will come. The table gets them
     * in one exact copy.
     */
    public static final class Builder {
        private static final int CHUNK_BITS = 15;
        static final int CHUNK = 1 << CHUNK_BITS;
        private long[][] numberChunks = new long[8][];
        private long[][] startChunks = new long[8][];
        private long[][] endChunks = new long[8][];
        private long[][] tokenChunks = new long[8][];
        /** Made at the first reported rate; null: every step so far has none. */
        private double[][] rateChunks;
        /** Made at the first step of a second file; null: every step so far is from the first. */
        private int[][] fileChunks;
        private int[][] lineChunks = new int[8][];
        private int size;
        private final java.util.ArrayList<String> files = new java.util.ArrayList<>();
        private final java.util.HashMap<String, Integer> fileIds = new java.util.HashMap<>();
        private String lastFile;
        private int lastFileId;

        public Builder add(long stepNumber, long start, long end, long tokenCount, Source source) {
            return add(stepNumber, start, end, tokenCount, Double.NaN, source);
        }

        /** @param reportedFlopRate model FLOP/s per accelerator the trainer reported, or NaN */
        public Builder add(long stepNumber, long start, long end, long tokenCount, double reportedFlopRate,
                           Source source) {
            Source src = source == null ? Source.DERIVED : source;
            return add(stepNumber, start, end, tokenCount, reportedFlopRate, src.file(), src.line());
        }

        /** A step read from line {@code lineNo} of {@code file}, without a {@link Source} per step. */
        public Builder add(long stepNumber, long start, long end, long tokenCount, double reportedFlopRate,
                           String file, long lineNo) {
            int c = size >>> CHUNK_BITS;
            int i = size & (CHUNK - 1);
            if (i == 0) {
                newChunk(c);
            }
            int fileId = fileId(file);
            if (fileId != 0 && fileChunks == null) {
                fileChunks = new int[numberChunks.length][];
                for (int k = 0; k <= c; k++) {
                    fileChunks[k] = new int[CHUNK];
                }
            }
            if (fileChunks != null) {
                fileChunks[c][i] = fileId;
            }
            if (!Double.isNaN(reportedFlopRate) && rateChunks == null) {
                rateChunks = new double[numberChunks.length][];
                for (int k = 0; k <= c; k++) {
                    rateChunks[k] = nanChunk();
                }
            }
            if (rateChunks != null) {
                rateChunks[c][i] = reportedFlopRate;
            }
            numberChunks[c][i] = stepNumber;
            startChunks[c][i] = start;
            endChunks[c][i] = end;
            tokenChunks[c][i] = tokenCount;
            lineChunks[c][i] = (int) Math.min(Integer.MAX_VALUE, lineNo);
            size++;
            return this;
        }

        private void newChunk(int c) {
            if (c == numberChunks.length) {
                int n = c * 2;
                numberChunks = Arrays.copyOf(numberChunks, n);
                startChunks = Arrays.copyOf(startChunks, n);
                endChunks = Arrays.copyOf(endChunks, n);
                tokenChunks = Arrays.copyOf(tokenChunks, n);
                lineChunks = Arrays.copyOf(lineChunks, n);
                rateChunks = rateChunks == null ? null : Arrays.copyOf(rateChunks, n);
                fileChunks = fileChunks == null ? null : Arrays.copyOf(fileChunks, n);
            }
            numberChunks[c] = new long[CHUNK];
            startChunks[c] = new long[CHUNK];
            endChunks[c] = new long[CHUNK];
            tokenChunks[c] = new long[CHUNK];
            lineChunks[c] = new int[CHUNK];
            if (rateChunks != null) {
                rateChunks[c] = nanChunk();
            }
            if (fileChunks != null) {
                fileChunks[c] = new int[CHUNK];
            }
        }

        private static double[] nanChunk() {
            double[] d = new double[CHUNK];
            Arrays.fill(d, Double.NaN);
            return d;
        }

        /** The index of the file; a file's steps come together, so the last one's is remembered. */
        private int fileId(String file) {
            if (!file.equals(lastFile)) {
                Integer id = fileIds.get(file);
                if (id == null) {
                    id = files.size();
                    files.add(file);
                    fileIds.put(file, id);
                }
                lastFile = file;
                lastFileId = id;
            }
            return lastFileId;
        }

        public int size() {
            return size;
        }

        private int duplicates;

        /** Exact duplicates (same number, start, end and tokens) dropped by the last {@link #build()}. */
        public int duplicates() {
            return duplicates;
        }

        private long[] flat(long[][] chunks) {
            long[] out = new long[size];
            for (int c = 0, at = 0; at < size; c++, at += CHUNK) {
                System.arraycopy(chunks[c], 0, out, at, Math.min(CHUNK, size - at));
            }
            return out;
        }

        private int[] flat(int[][] chunks) {
            int[] out = new int[size];
            for (int c = 0, at = 0; at < size; c++, at += CHUNK) {
                System.arraycopy(chunks[c], 0, out, at, Math.min(CHUNK, size - at));
            }
            return out;
        }

        private double[] flat(double[][] chunks) {
            double[] out = new double[size];
            for (int c = 0, at = 0; at < size; c++, at += CHUNK) {
                System.arraycopy(chunks[c], 0, out, at, Math.min(CHUNK, size - at));
            }
            return out;
        }

        public StepTable build() {
            Columns c = new Columns(flat(numberChunks), flat(startChunks), flat(endChunks), flat(tokenChunks),
                    rateChunks == null ? null : flat(rateChunks), fileChunks == null ? null : flat(fileChunks),
                    flat(lineChunks));
            duplicates = 0;
            boolean sorted = c.sortedByStart();
            if (sorted && !c.hasDuplicate()) { // a log as written: the one copy made of the chunks
                return c.table(files);
            }
            int[] order = null; // null: the rows as added, already in start order
            if (!sorted) {
                Integer[] boxed = new Integer[size];
                for (int i = 0; i < size; i++) {
                    boxed[i] = i;
                }
                Arrays.sort(boxed, (a, b) -> Long.compare(c.startUs[a], c.startUs[b]));
                order = new int[size];
                for (int i = 0; i < size; i++) {
                    order[i] = boxed[i];
                }
            }
            Columns kept = new Columns(new long[size], new long[size], new long[size], new long[size],
                    c.flopRate == null ? null : new double[size], c.fileIndex == null ? null : new int[size],
                    new int[size]);
            int k = 0;
            for (int i = 0; i < size; i++) {
                int r = order == null ? i : order[i];
                if (kept.repeats(k, c, r)) {
                    duplicates++; // the same record twice, e.g. from two overlapping log files
                    continue;
                }
                kept.number[k] = c.number[r];
                kept.startUs[k] = c.startUs[r];
                kept.endUs[k] = c.endUs[r];
                kept.tokens[k] = c.tokens[r];
                if (kept.flopRate != null) {
                    kept.flopRate[k] = c.flopRate[r];
                }
                if (kept.fileIndex != null) {
                    kept.fileIndex[k] = c.fileIndex[r];
                }
                kept.line[k] = c.line[r];
                k++;
            }
            return kept.first(k).table(files);
        }
    }

    /** A table's columns while the builder makes it. */
    private record Columns(long[] number, long[] startUs, long[] endUs, long[] tokens, double[] flopRate,
                           int[] fileIndex, int[] line) {
        boolean sortedByStart() {
            for (int i = 1; i < startUs.length; i++) {
                if (startUs[i] < startUs[i - 1]) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a row repeats an earlier one with the same start, the rows being in start order. */
        boolean hasDuplicate() {
            for (int i = 1; i < startUs.length; i++) {
                if (repeats(i, this, i)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether row {@code r} of {@code other} repeats one of this one's first {@code rows} with the same start. */
        boolean repeats(int rows, Columns other, int r) {
            for (int j = rows - 1; j >= 0 && startUs[j] == other.startUs[r]; j--) {
                if (number[j] == other.number[r] && endUs[j] == other.endUs[r] && tokens[j] == other.tokens[r]) {
                    return true;
                }
            }
            return false;
        }

        Columns first(int k) {
            return new Columns(Arrays.copyOf(number, k), Arrays.copyOf(startUs, k), Arrays.copyOf(endUs, k),
                    Arrays.copyOf(tokens, k), flopRate == null ? null : Arrays.copyOf(flopRate, k),
                    fileIndex == null ? null : Arrays.copyOf(fileIndex, k), Arrays.copyOf(line, k));
        }

        StepTable table(List<String> files) {
            return new StepTable(number, startUs, endUs, tokens, flopRate, fileIndex, line, files);
        }
    }
}
