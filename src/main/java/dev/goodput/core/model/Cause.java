package dev.goodput.core.model;

/**
 * A reason time was lost, in one layer. {@code id} is lower snake case and is what reports and
 * attributions refer to; {@code label} is for people.
 */
public record Cause(String id, String label, Layer layer) {
    public Cause {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("cause id must not be blank");
        }
        if (layer == null) {
            throw new IllegalArgumentException("cause " + id + " needs a layer");
        }
        if (label == null || label.isBlank()) {
            label = CauseCatalog.labelFor(id);
        }
    }

    public static Cause of(String id, Layer layer) {
        return new Cause(id, null, layer);
    }
}
