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
     */
    static SteadyState.Selection split(int[] rows, long[] durationsUs, long[] tokens, int[] accelerators, double k) {
        int n = rows.length;
        boolean perToken = tokens != null;
        SlowStepRule perStep = SlowStepRule.of(durationsUs, k);
        SlowStepRule rule = perStep;
        double[] tokenTimes = null;
        if (perToken) {
            tokenTimes = new double[n];
            for (int j = 0; j < n; j++) {
                tokenTimes[j] = (double) durationsUs[j] / tokens[j];
            }
            rule = SlowStepRule.of(tokenTimes, k);
        }
        int[] steady = new int[n];
        int m = 0;
        int[] slowRows = new int[n];
        long[] excess = new long[n];
        long[] units = new long[n];
        int[] inUse = new int[n];
        int q = 0;
        ExactSum acceleratorUs = new ExactSum();
        for (int j = 0; j < n; j++) {
            boolean slow = perStep.slow(durationsUs[j]) && (!perToken || rule.slow(tokenTimes[j]));
            if (!slow) {
                steady[m++] = rows[j];
                continue;
            }
            long unit = perToken ? tokens[j] : 1;
            // Slower than typical per token (or per step), so the excess is positive but for rounding.
            long over = Math.max(0, durationsUs[j] - Math.round(rule.median() * unit));
            slowRows[q] = rows[j];
            excess[q] = over;
            units[q] = unit;
            inUse[q] = accelerators[j];
            q++;
            acceleratorUs.add(over, accelerators[j]);
        }
        SlowSteps slow = new SlowSteps(Arrays.copyOf(slowRows, q), Arrays.copyOf(excess, q), Arrays.copyOf(units, q),
                Arrays.copyOf(inUse, q), rule.median(), perToken, acceleratorUs);
        return new SteadyState.Selection(Arrays.copyOf(steady, m), slow);
    }
}
