package dev.goodput.core.report;

import dev.goodput.core.model.Layer;

/** Time lost in one layer (window-equivalent seconds and fraction of the window). */
public record LayerShare(Layer layer, double seconds, double fraction) {
}
