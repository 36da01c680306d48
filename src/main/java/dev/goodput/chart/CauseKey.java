package dev.goodput.chart;

import dev.goodput.core.model.Layer;

/** A cause as the charts pick it out (highlight on the waterfall and the timeline alike): its layer and id. */
public record CauseKey(Layer layer, String cause) {
}
