package dev.goodput.core.report;

import dev.goodput.core.model.Layer;

/**
 * Time lost to one cause. {@code seconds} are window-equivalent seconds: accelerator-seconds divided by
 * the run's accelerator count, so all causes plus productive time add up to the window.
 */
public record CauseShare(Layer layer, String cause, String label, double seconds, double fraction,
                         double acceleratorHours, int intervals) {
}
