package dev.goodput.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * Training steps as primitive columns, sorted by start time: a million steps cost about 40 MB, not the
 * hundreds an object per step would. Immutable; read it by row index.
 */
public final class StepTable {
    private static final StepTable EMPTY = new StepTable(new long[0], new long[0], new long[0], new long[0],
            new double[0], new int[0], new int[0], List.of());

    private final long[] number;
    private final long[] startUs;
    private final long[] endUs;
    private final long[] tokens;
    private final double[] flopRate;
    private final int[] fileIndex;
    private final int[] line;
    private final List<String> files;

    StepTable(long[] number, long[] startUs, long[] endUs, long[] tokens, double[] flopRate, int[] fileIndex,
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
        return flopRate[row];
    }

    public Source source(int row) {
        return new Source(files.get(fileIndex[row]), line[row]);
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

    /** Collects steps in any order; {@link #build()} sorts them by start time (stable for ties). */
    public static final class Builder {
        private long[] number = new long[1024];
        private long[] startUs = new long[1024];
        private long[] endUs = new long[1024];
        private long[] tokens = new long[1024];
        private double[] flopRate = new double[1024];
        private int[] fileIndex = new int[1024];
        private int[] line = new int[1024];
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
            if (size == number.length) {
                grow();
            }
            number[size] = stepNumber;
            startUs[size] = start;
            endUs[size] = end;
            tokens[size] = tokenCount;
            flopRate[size] = reportedFlopRate;
            fileIndex[size] = fileId(file);
            line[size] = (int) Math.min(Integer.MAX_VALUE, lineNo);
            size++;
            return this;
        }

        /** The file's index; a file's steps come together, so the last one's is remembered. */
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

        private void grow() {
            int n = size * 2;
            number = Arrays.copyOf(number, n);
            startUs = Arrays.copyOf(startUs, n);
            endUs = Arrays.copyOf(endUs, n);
            tokens = Arrays.copyOf(tokens, n);
            flopRate = Arrays.copyOf(flopRate, n);
            fileIndex = Arrays.copyOf(fileIndex, n);
            line = Arrays.copyOf(line, n);
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
            if (sorted && !hasDuplicate()) { // a log as written: the columns as they are, one copy each
                return new StepTable(Arrays.copyOf(number, size), Arrays.copyOf(startUs, size),
                        Arrays.copyOf(endUs, size), Arrays.copyOf(tokens, size), Arrays.copyOf(flopRate, size),
                        Arrays.copyOf(fileIndex, size), Arrays.copyOf(line, size), files);
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
            double[] rate = new double[size];
            int[] f = new int[size];
            int[] l = new int[size];
            int k = 0;
            duplicates = 0;
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
                rate[k] = flopRate[r];
                f[k] = fileIndex[r];
                l[k] = line[r];
                k++;
            }
            return new StepTable(Arrays.copyOf(n, k), Arrays.copyOf(s, k), Arrays.copyOf(e, k), Arrays.copyOf(t, k),
                    Arrays.copyOf(rate, k), Arrays.copyOf(f, k), Arrays.copyOf(l, k), files);
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
