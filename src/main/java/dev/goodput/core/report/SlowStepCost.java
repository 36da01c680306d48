package dev.goodput.core.report;

/**
 * What slow steps cost: kept steps that would have been steady state but failed the slow-outlier test. Their time
 * is still progress; their excess over the typical step is the model-layer cause {@code slow_steps}.
 *
 * @param steps          how many steps were slow
 * @param seconds        their excess in window-equivalent seconds (accelerator-seconds ÷ the run's accelerators)
 * @param typicalSeconds the typical step time the excess is measured from: per token when {@code perToken}, else
 *                       per step; NaN when no step could be compared
 * @param perToken       true when step times were compared per token (the steps log their tokens)
 */
public record SlowStepCost(int steps, double seconds, double typicalSeconds, boolean perToken) {
    public static SlowStepCost none() {
        return new SlowStepCost(0, 0, Double.NaN, false);
    }

    /** "token" or "step": what {@link #typicalSeconds} is per. */
    public String basis() {
        return perToken ? "token" : "step";
    }
}
