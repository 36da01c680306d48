package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;

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
                            double tokensPerStep, int capacity) {
        Pauses pauses = Pauses.of(claims);
        int[] candidates = new int[s.size()];
        long[] durations = new long[s.size()];
        long[] tokens = new long[s.size()];
        int n = 0;
        // Per token only when the steps log their own tokens (and every candidate has a count, its own or the run's).
        boolean allTokens = true;
        boolean ownTokens = false;
        long runTokens = Double.isNaN(tokensPerStep) || tokensPerStep < 1 ? -1 : Math.round(tokensPerStep);
        int pause = 0; // the first pause ending after the step's start: rows are in start order, so it only moves on
        for (int i = 0; i < s.size(); i++) {
            if (!plan.kept[i] || plan.ordinal[i] < warmup) {
                continue;
            }
            long start = s.startUs(i);
            long end = plan.end[i];
            if (end <= start || start < w.startUs() || end > w.endUs()) {
                continue;
            }
            while (pause < pauses.count && pauses.end[pause] <= start) {
                pause++;
            }
            if (pause < pauses.count && pauses.start[pause] < end) {
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
            accelerators[j] = Math.min(capacity, plan.inUse(candidates[j]));
        }
        return SlowStepFinder.split(candidates, durations, allTokens && ownTokens ? tokens : null, accelerators, n, k);
    }

    /** The union of all claims ranked above a step, as sorted disjoint [start, end) spans. */
    private record Pauses(long[] start, long[] end, int count) {
        static Pauses of(List<Claim> claims) {
            long[][] raw = claims.stream().filter(c -> c.rank().compareTo(ClaimRank.STEP) > 0)
                    .map(c -> new long[]{c.start(), c.end()})
                    .sorted((a, b) -> Long.compare(a[0], b[0])).toArray(long[][]::new);
            long[] start = new long[raw.length];
            long[] end = new long[raw.length];
            int m = 0;
            for (long[] r : raw) {
                if (m > 0 && r[0] <= end[m - 1]) {
                    end[m - 1] = Math.max(end[m - 1], r[1]);
                } else {
                    start[m] = r[0];
                    end[m] = r[1];
                    m++;
                }
            }
            return new Pauses(start, end, m);
        }
    }
}
