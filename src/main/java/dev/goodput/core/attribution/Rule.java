package dev.goodput.core.attribution;

import dev.goodput.core.model.Layer;

/**
 * An attribution rule: lost time decided by a fault (or other input record) whose message matches
 * {@code messagePattern} and whose source file name matches {@code sourcePattern}, inside [fromUs, toUs),
 * gets {@code cause} in {@code layer}. Applies to files loaded later too. Tags win over rules; among rules,
 * later ones win.
 *
 * @param messagePattern a Java regular expression searched in the message (find, not match); null for any
 * @param sourcePattern  a Java regular expression searched in the source's file name; null for any
 * @param fromUs         start of the range it applies to, or {@link Long#MIN_VALUE}
 * @param toUs           end of the range, or {@link Long#MAX_VALUE}
 */
public record Rule(String id, String name, String messagePattern, String sourcePattern, long fromUs, long toUs,
                   String cause, Layer layer, boolean enabled) {
    public Rule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
        if (cause == null || cause.isBlank() || layer == null) {
            throw new IllegalArgumentException("a rule needs a cause and a layer");
        }
        if (toUs <= fromUs) {
            throw new IllegalArgumentException("a rule's range must not be empty");
        }
        name = name == null ? "" : name;
    }

    public Rule withEnabled(boolean on) {
        return new Rule(id, name, messagePattern, sourcePattern, fromUs, toUs, cause, layer, on);
    }
}
