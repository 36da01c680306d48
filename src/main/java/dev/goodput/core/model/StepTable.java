package dev.goodput.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Training steps as primitive columns, sorted by start time: a million steps cost about 40 MB, not the
 * hundreds an object per step would. Immutable; read it by row index.
 */
public final class StepTable {
    private static final StepTable EMPTY = new StepTable(0, new long[0], new long[0], new long[0], new long[0],
            null, null, new int[0], List.of());

    // The columns may be longer than size: a builder's, handed over without a copy.
    private final int size;
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

    private StepTable(int size, long[] number, long[] startUs, long[] endUs, long[] tokens, double[] flopRate,
                      int[] fileIndex, int[] line, List<String> files) {
        this.size = size;
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
        return size;
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
        int hi = size;
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
        Objects.checkIndex(row, size);
        return flopRate == null ? Double.NaN : flopRate[row];
    }

    public Source source(int row) {
        Objects.checkIndex(row, size);
        return new Source(files.get(fileIndex == null ? 0 : fileIndex[row]), line[row]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepTable t && size == t.size && Arrays.equals(number, 0, size, t.number, 0, size)
                && Arrays.equals(startUs, 0, size, t.startUs, 0, size) && Arrays.equals(endUs, 0, size, t.endUs, 0, size)
                && Arrays.equals(tokens, 0, size, t.tokens, 0, size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + Long.hashCode(startUs[i]);
        }
        return h;
    }

    /** Collects steps in any order; {@link #build()} sorts them by start time (stable for ties). */
    public static final class Builder {
        private static final int FIRST_CAPACITY = 1024;
        private long[] number = new long[FIRST_CAPACITY];
        private long[] startUs = new long[FIRST_CAPACITY];
        private long[] endUs = new long[FIRST_CAPACITY];
        private long[] tokens = new long[FIRST_CAPACITY];
        /** Made at the first reported rate; null: every step so far has none. */
        private double[] flopRate;
        /** Made at the first step of a second file; null: every step so far is from the first. */
        private int[] fileIndex;
        private int[] line = new int[FIRST_CAPACITY];
        private int size;
        /** The columns were handed to a table as they are: copied before the next change. */
        private boolean shared;
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
            if (size == number.length || shared) {
                resize(size == number.length ? Math.max(FIRST_CAPACITY, size * 2) : number.length);
            }
            int fileId = fileId(file);
            if (fileId != 0 && fileIndex == null) {
                fileIndex = new int[number.length];
            }
            if (fileIndex != null) {
                fileIndex[size] = fileId;
            }
            if (!Double.isNaN(reportedFlopRate) && flopRate == null) {
                flopRate = new double[number.length];
                Arrays.fill(flopRate, 0, size, Double.NaN);
            }
            if (flopRate != null) {
                flopRate[size] = reportedFlopRate;
            }
            number[size] = stepNumber;
            startUs[size] = start;
            endUs[size] = end;
            tokens[size] = tokenCount;
            line[size] = (int) Math.min(Integer.MAX_VALUE, lineNo);
            size++;
            return this;
        }

        /**
         * Makes room for {@code steps} steps in all (a reader that knows how many more are coming): the columns then
         * do not grow by copies. Room left unused at {@link #build()} is trimmed when it is more than an eighth.
         */
        public void expect(int steps) {
            if (steps > number.length) {
                resize(steps);
            }
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

        private void resize(int n) {
            number = Arrays.copyOf(number, n);
            startUs = Arrays.copyOf(startUs, n);
            endUs = Arrays.copyOf(endUs, n);
            tokens = Arrays.copyOf(tokens, n);
            flopRate = flopRate == null ? null : Arrays.copyOf(flopRate, n);
            fileIndex = fileIndex == null ? null : Arrays.copyOf(fileIndex, n);
            line = Arrays.copyOf(line, n);
            shared = false;
        }

        public int size() {
            return size;
        }

        private int duplicates;

        /** Exact duplicates (same number, start, end and tokens) dropped by the last {@link #build()}. */
        public int duplicates() {
            return duplicates;
        }

        public StepTable build() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = startUs[i] >= startUs[i - 1];
            }
            duplicates = 0;
            if (sorted && !hasDuplicate()) { // a log as written: the columns as they are, not copied
                if (number.length - size > size / 8 + FIRST_CAPACITY) {
                    resize(size); // unless much of them is unused room, which the table would keep as long as it lives
                }
                shared = true;
                return new StepTable(size, number, startUs, endUs, tokens, flopRate, fileIndex, line, files);
            }
            int[] order = null; // null: the rows as added, already in start order
            if (!sorted) {
                Integer[] boxed = new Integer[size];
                for (int i = 0; i < size; i++) {
                    boxed[i] = i;
                }
                Arrays.sort(boxed, (a, b) -> Long.compare(startUs[a], startUs[b]));
                order = new int[size];
                for (int i = 0; i < size; i++) {
                    order[i] = boxed[i];
                }
            }
            long[] n = new long[size];
            long[] s = new long[size];
            long[] e = new long[size];
            long[] t = new long[size];
            double[] rate = flopRate == null ? null : new double[size];
            int[] f = fileIndex == null ? null : new int[size];
            int[] l = new int[size];
            int k = 0;
            for (int i = 0; i < size; i++) {
                int r = order == null ? i : order[i];
                if (isDuplicate(n, s, e, t, k, r)) {
                    duplicates++; // the same record twice, e.g. from two overlapping log files
                    continue;
                }
                n[k] = number[r];
                s[k] = startUs[r];
                e[k] = endUs[r];
                t[k] = tokens[r];
                if (rate != null) {
                    rate[k] = flopRate[r];
                }
                if (f != null) {
                    f[k] = fileIndex[r];
                }
                l[k] = line[r];
                k++;
            }
            return new StepTable(k, n, s, e, t, rate, f, l, files);
        }

        /** Whether a row repeats an earlier one with the same start, the rows being in start order. */
        private boolean hasDuplicate() {
            for (int i = 1; i < size; i++) {
                for (int j = i - 1; j >= 0 && startUs[j] == startUs[i]; j--) {
                    if (number[j] == number[i] && endUs[j] == endUs[i] && tokens[j] == tokens[i]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether row {@code r} repeats one of the kept rows with the same start (they are adjacent). */
        private boolean isDuplicate(long[] n, long[] s, long[] e, long[] t, int kept, int r) {
            for (int j = kept - 1; j >= 0 && s[j] == startUs[r]; j--) {
                if (n[j] == number[r] && e[j] == endUs[r] && t[j] == tokens[r]) {
                    return true;
                }
            }
            return false;
        }
    }
}
