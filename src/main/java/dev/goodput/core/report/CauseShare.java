package dev.goodput.core.report;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.util.Locale;

/**
 * Time lost to one cause. {@code seconds} are window-equivalent seconds: accelerator-seconds divided by
 * the run's accelerator count, so all causes plus productive time add up to the window. {@code intervals}
 * counts the spans of time the cause stands for: lost intervals of the partition, or for {@code slow_steps}
 * the slow steps (0 for the other model-layer causes, which are shares of productive time).
 */
public record CauseShare(Layer layer, String cause, String label, double seconds, double fraction,
                         double acceleratorHours, int intervals) {

    /** True for the slow steps' excess, whose count is of steps, not intervals. */
    public boolean countsSteps() {
        return layer == Layer.MODEL && cause.equals(CauseCatalog.SLOW_STEPS.id());
    }

    /** The count for people: "3 intervals", or "2213 steps" for slow steps. */
    public String countText() {
        return String.format(Locale.ROOT, "%d %s", intervals, countsSteps() ? "steps" : "intervals");
    }
}
