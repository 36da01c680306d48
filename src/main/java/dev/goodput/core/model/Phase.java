package dev.goodput.core.model;

/**
 * A timed non-step activity (checkpoint save, evaluation, ...).
 *
 * @param name  free text; for CUSTOM phases it becomes the badput cause
 * @param layer the layer its time is lost to (defaults to the kind's layer)
 */
public record Phase(PhaseKind kind, String name, long startUs, long endUs, Layer layer, Source source) {
    public Phase {
        if (layer == null) {
            layer = kind.layer();
        }
    }

    public long durationUs() {
        return endUs - startUs;
    }
}
