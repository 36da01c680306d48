package dev.goodput.core.derive;

import java.util.Arrays;

/**
 * Splits the steady-state candidates into steady steps and slow ones ({@link SlowStepRule}), and measures what
 * each slow step took above the typical: d − τ·k, τ the candidates' median time per token and k the step's tokens
 * (per step, k = 1, when the steps log no tokens).
 *
 * <p>With tokens, a step is slow only when it is an outlier both per token and per step. Per token alone would
 * call a batch-size ramp's small batches slow: pipeline bubbles make them less efficient per token (BLOOM's
 * first batches of 192 sequences took nearly twice the full batch's time per token), yet they are shorter than
 * a typical step, and that inefficiency is the configuration's, measured by the MFU, not a slowdown. Per step
 * alone would call a ramp's larger batches slow.
 */
final class SlowStepFinder {
    private SlowStepFinder() {
    }

    /**
     * @param rows         the candidates' step-table rows, in start order
     * @param durationsUs  their durations
     * @param tokens       their token counts (all positive), or null to compare per step
     * @param accelerators the accelerators in use while each ran (capped at the capacity)
     * @param n            the candidates: the first {@code n} of each array
     */
    static SteadyState.Selection split(int[] rows, long[] durationsUs, long[] tokens, int[] accelerators, int n,
                                       double k) {
        boolean perToken = tokens != null;
        Fork<SlowStepRule> perTokenRule = perToken ? Fork.of(n, () -> perTokenRule(durationsUs, tokens, n, k)) : null;
        SlowStepRule perStep = SlowStepRule.of(durationsUs, n, k);
        SlowStepRule rule = perToken ? perTokenRule.join() : perStep;
        int[] steady = new int[n];
        int m = 0;
        Slow slow = new Slow();
        ExactSum acceleratorUs = new ExactSum();
        for (int j = 0; j < n; j++) {
            boolean isSlow = perStep.slow(durationsUs[j]) && (!perToken || rule.slow(tokenTime(durationsUs, tokens, j)));
            if (!isSlow) {
                steady[m++] = rows[j];
                continue;
            }
            long unit = perToken ? tokens[j] : 1;
            // Slower than typical per token (or per step), so the excess is positive but for rounding.
            long over = Math.max(0, durationsUs[j] - Math.round(rule.median() * unit));
            slow.add(rows[j], over, unit, accelerators[j]);
            acceleratorUs.add(over, accelerators[j]);
        }
        return new SteadyState.Selection(Arrays.copyOf(steady, m), slow.steps(rule.median(), perToken, acceleratorUs));
    }

    private static SlowStepRule perTokenRule(long[] durationsUs, long[] tokens, int n, double k) {
        double[] tokenTimes = new double[n]; // scratch for the rule; the times are computed again where needed
        for (int j = 0; j < n; j++) {
            tokenTimes[j] = tokenTime(durationsUs, tokens, j);
        }
        return SlowStepRule.ofScratch(tokenTimes, k);
    }

    private static double tokenTime(long[] durationsUs, long[] tokens, int j) {
        return (double) durationsUs[j] / tokens[j];
    }

    /** The slow steps as found: few of many candidates, so the columns grow as they come. */
    private static final class Slow {
        private int[] rows = new int[16];
        private long[] excess = new long[16];
        private long[] units = new long[16];
        private int[] inUse = new int[16];
        private int count;

        void add(int row, long over, long unit, int accelerators) {
            if (count == rows.length) {
                int c = count * 2;
                rows = Arrays.copyOf(rows, c);
                excess = Arrays.copyOf(excess, c);
                units = Arrays.copyOf(units, c);
                inUse = Arrays.copyOf(inUse, c);
            }
            rows[count] = row;
            excess[count] = over;
            units[count] = unit;
            inUse[count] = accelerators;
            count++;
        }

        SlowSteps steps(double typicalUs, boolean perToken, ExactSum acceleratorUs) {
            return new SlowSteps(Arrays.copyOf(rows, count), Arrays.copyOf(excess, count), Arrays.copyOf(units, count),
                    Arrays.copyOf(inUse, count), typicalUs, perToken, acceleratorUs);
        }
    }
}
