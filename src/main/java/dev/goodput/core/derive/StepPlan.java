package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.util.Arrays;
import java.util.List;

/**
 * What each logged step execution was: when it really ended, whether it completed, and whether its
 * progress was kept (only the last execution of a step number is; earlier ones were rolled back).
 */
final class StepPlan {
    final int[] attempt;
    final long[] end;
    final boolean[] complete;
    final boolean[] kept;
    /** Position of the execution within its attempt: 0 for the first step after a (re)start. */
    final int[] ordinal;
    /** Median duration of complete steps that are not the first of their attempt; 0 when unknown. */
    final long typicalUs;
    /** Per attempt, its accelerators in use: read per step, so kept as a column rather than asked of a list. */
    private final int[] attemptInUse;

    private StepPlan(int[] attempt, long[] end, boolean[] complete, boolean[] kept, int[] ordinal, long typicalUs,
                     int[] attemptInUse) {
        this.attempt = attempt;
        this.end = end;
        this.complete = complete;
        this.kept = kept;
        this.ordinal = ordinal;
        this.typicalUs = typicalUs;
        this.attemptInUse = attemptInUse;
    }

    /** The accelerators in use by the attempt that ran step row {@code row} (which an attempt ran). */
    int inUse(int row) {
        return attemptInUse[attempt[row]];
    }

    static StepPlan plan(StepTable s, int[] stepAttempt, List<ResolvedAttempt> attempts) {
        int n = s.size();
        long[] end = new long[n];
        boolean[] complete = new boolean[n];
        int[] ordinal = new int[n];
        Arrays.fill(end, Times.UNKNOWN);
        // Next row of the same attempt, for steps logged by start time only.
        int[] next = new int[n];
        Arrays.fill(next, -1);
        int[] lastRowOfAttempt = new int[attempts.size()];
        Arrays.fill(lastRowOfAttempt, -1);
        long[] attemptEnd = new long[attempts.size()];
        int[] inUse = new int[attempts.size()];
        for (int a = 0; a < attempts.size(); a++) {
            attemptEnd[a] = attempts.get(a).endUs();
            inUse[a] = attempts.get(a).inUse();
        }
        for (int i = 0; i < n; i++) {
            int a = stepAttempt[i];
            if (a < 0) {
                continue;
            }
            int prev = lastRowOfAttempt[a];
            if (prev >= 0) {
                next[prev] = i;
                ordinal[i] = ordinal[prev] + 1;
            }
            lastRowOfAttempt[a] = i;
        }
        for (int i = 0; i < n; i++) {
            int a = stepAttempt[i];
            if (a < 0) {
                continue;
            }
            if (Times.known(s.endUs(i))) {
                end[i] = Math.min(Math.max(s.endUs(i), s.startUs(i)), Math.max(attemptEnd[a], s.startUs(i)));
                complete[i] = true;
            } else if (next[i] >= 0) {
                end[i] = s.startUs(next[i]);
                complete[i] = true;
            }
        }
        long typical = typical(s, stepAttempt, end, ordinal);
        for (int i = 0; i < n; i++) {
            int a = stepAttempt[i];
            if (a < 0 || Times.known(end[i])) {
                continue;
            }
            ResolvedAttempt att = attempts.get(a);
            long start = s.startUs(i);
            if (att.disrupted()) {
                // In flight when the job died: its partial work is lost. It ran until the failure took the job
                // (the detection time; at its own start when the root came before it), else to the end.
                long stop = att.endUs();
                if (att.root() != null) {
                    stop = Math.min(stop, att.detectionUs());
                }
                end[i] = Math.max(start, stop);
                complete[i] = false;
            } else {
                end[i] = typical > 0 ? Math.min(att.endUs(), start + typical) : att.endUs();
                end[i] = Math.max(start, end[i]);
                complete[i] = true;
            }
        }
        boolean[] kept = new boolean[n];
        StepNumbers seen = StepNumbers.of(s, stepAttempt);
        for (int i = n - 1; i >= 0; i--) {
            if (stepAttempt[i] < 0) {
                continue;
            }
            if (seen.add(s.number(i))) {
                kept[i] = complete[i];
            }
        }
        return new StepPlan(stepAttempt, end, complete, kept, ordinal, typical, inUse);
    }

    private static long typical(StepTable s, int[] stepAttempt, long[] end, int[] ordinal) {
        long[] d = new long[s.size()];
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            if (stepAttempt[i] >= 0 && ordinal[i] > 0 && Times.known(end[i]) && end[i] > s.startUs(i)) {
                d[k++] = end[i] - s.startUs(i);
            }
        }
        if (k == 0) {
            return 0;
        }
        return (long) Statistics.medianInPlace(d, k); // d is scratch
    }

    long durationUs(StepTable s, int row) {
        return end[row] - s.startUs(row);
    }
}
