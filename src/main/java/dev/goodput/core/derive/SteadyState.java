package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;

import java.util.Arrays;
import java.util.List;

/**
 * Picks the steady-state steps MFU is measured on: kept, complete steps inside the window, not among the
 * first {@code warmup} after a (re)start, not overlapped by any pause (checkpoint, eval, data loading,
 * startup...), and not slow outliers ({@link SlowStepRule}, on time per token when the steps log tokens).
 * The candidates that fail only the outlier test are the {@link SlowSteps}: their excess is a cost, not noise.
 */
final class SteadyState {
    static final String RULE = "kept steps in the window, excluding the first %d after each (re)start, steps "
            + "overlapping a checkpoint/eval/data-loading/startup pause, and slow steps: t > median + "
            + "%.1f x max(1.4826 x MAD, 5%% of median) per step%s (their excess over the typical is slow_steps)";

    private SteadyState() {
    }

    /**
     * The steady-state steps and the slow ones.
     *
     * @param steady rows of the steady-state steps, in start order
     * @param slow   the candidates that failed the slow-outlier test, with their excess over typical
     */
    record Selection(int[] steady, SlowSteps slow) {
    }

    /**
     * @param tokensPerStep the run's tokens per step, for steps that log none (NaN: unknown)
     * @param capacity      accelerators paid for: a step's accelerators in use count up to it, as in the ledger
     */
    static Selection select(StepTable s, StepPlan plan, List<Claim> claims, Window w, int warmup, double k,
                            double tokensPerStep, List<ResolvedAttempt> attempts, int capacity) {
        long[][] pauses = pauses(claims);
        int[] candidates = new int[s.size()];
        long[] durations = new long[s.size()];
        long[] tokens = new long[s.size()];
        int n = 0;
        // Per token only when the steps log their own tokens (and every candidate has a count, its own or the run's).
        boolean allTokens = true;
        boolean ownTokens = false;
        long runTokens = Double.isNaN(tokensPerStep) || tokensPerStep < 1 ? -1 : Math.round(tokensPerStep);
        for (int i = 0; i < s.size(); i++) {
            if (!plan.kept[i] || plan.ordinal[i] < warmup) {
                continue;
            }
            long start = s.startUs(i);
            long end = plan.end[i];
            if (end <= start || start < w.startUs() || end > w.endUs() || overlaps(pauses, start, end)) {
                continue;
            }
            candidates[n] = i;
            durations[n] = end - start;
            tokens[n] = s.tokens(i) > 0 ? s.tokens(i) : runTokens;
            ownTokens |= s.tokens(i) > 0;
            allTokens &= tokens[n] > 0;
            n++;
        }
        if (n == 0) {
            return new Selection(new int[0], SlowSteps.NONE);
        }
        int[] accelerators = new int[n];
        for (int j = 0; j < n; j++) {
            accelerators[j] = Math.min(capacity, attempts.get(plan.attempt[candidates[j]]).inUse());
        }
        return SlowStepFinder.split(Arrays.copyOf(candidates, n), Arrays.copyOf(durations, n),
                allTokens && ownTokens ? Arrays.copyOf(tokens, n) : null, accelerators, k);
    }

    /** The union of all claims ranked above a step, as sorted disjoint [start, end) pairs. */
    private static long[][] pauses(List<Claim> claims) {
        long[][] raw = claims.stream().filter(c -> c.rank().compareTo(ClaimRank.STEP) > 0)
                .map(c -> new long[]{c.start(), c.end()})
                .sorted((a, b) -> Long.compare(a[0], b[0])).toArray(long[][]::new);
        java.util.ArrayList<long[]> merged = new java.util.ArrayList<>();
        for (long[] r : raw) {
            if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new long[]{r[0], r[1]});
            }
        }
        return merged.toArray(long[][]::new);
    }

    private static boolean overlaps(long[][] pauses, long start, long end) {
        int lo = 0;
        int hi = pauses.length;
        while (lo < hi) { // first pause ending after start
            int mid = (lo + hi) >>> 1;
            if (pauses[mid][1] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < pauses.length && pauses[lo][0] < end;
    }
}
