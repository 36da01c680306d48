package dev.goodput.core.derive;

import dev.goodput.core.model.StepTable;

import java.util.Arrays;
import java.util.List;

/**
 * Picks the steady-state steps MFU is measured on: kept, complete steps inside the window, not among the
 * first {@code warmup} after a (re)start, not overlapped by any pause (checkpoint, eval, data loading,
 * startup...), and not slow outliers ({@link SlowStepRule}).
 */
final class SteadyState {
    static final String RULE = "kept steps in the window, excluding the first %d after each (re)start, steps "
            + "overlapping a checkpoint/eval/data-loading/startup pause, and steps with t > median + "
            + "%.1f x max(1.4826 x MAD, 5%% of median) (slow outliers)";

    private SteadyState() {
    }

    /** Rows of the steady-state steps, in start order. */
    static int[] select(StepTable s, StepPlan plan, List<Claim> claims, Window w, int warmup, double k) {
        long[][] pauses = pauses(claims);
        int[] candidates = new int[s.size()];
        long[] durations = new long[s.size()];
        int n = 0;
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
            n++;
        }
        if (n == 0) {
            return new int[0];
        }
        SlowStepRule rule = SlowStepRule.of(Arrays.copyOf(durations, n), k);
        int[] out = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (!rule.slow(durations[j])) {
                out[m++] = candidates[j];
            }
        }
        return Arrays.copyOf(out, m);
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
