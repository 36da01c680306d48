package dev.goodput.chart.timeline;

import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states met in a derivation and its edits, each with an id that never changes (0 is productive, then each
 * cause in its layer in the order first met), so state bins survive an edit that re-orders the categories.
 * Immutable: a {@link Builder} adds the states an edit brings.
 */
final class StateKeys {
    static final StateKeys EMPTY = new StateKeys(List.of(new Key(null, null)));

    private record Key(Layer layer, String cause) {
    }

    private final List<Key> keys;

    private StateKeys(List<Key> keys) {
        this.keys = keys;
    }

    Builder builder() {
        return new Builder(keys);
    }

    /** Per id, its category in {@code c}, as {@link StateCategories#of} gives it for that state. */
    int[] categories(StateCategories c) {
        int[] out = new int[keys.size()];
        for (int id = 1; id < out.length; id++) {
            out[id] = c.ofCause(keys.get(id).layer(), keys.get(id).cause());
        }
        return out;
    }

    /** Gives ids to the states met, the known ones first. */
    static final class Builder {
        private final List<Key> keys;
        private final Map<Layer, Map<String, Integer>> ids = new EnumMap<>(Layer.class);

        private Builder(List<Key> known) {
            keys = new ArrayList<>(known);
            for (int id = 1; id < keys.size(); id++) {
                Key k = keys.get(id);
                ids.computeIfAbsent(k.layer(), l -> new HashMap<>()).put(k.cause(), id);
            }
        }

        int idOf(IntervalState state) {
            if (!(state instanceof IntervalState.Lost lost)) {
                return 0;
            }
            Cause c = lost.cause();
            Map<String, Integer> inLayer = ids.computeIfAbsent(c.layer(), l -> new HashMap<>());
            Integer id = inLayer.get(c.id());
            if (id == null) {
                id = keys.size();
                keys.add(new Key(c.layer(), c.id()));
                inLayer.put(c.id(), id);
            }
            return id;
        }

        StateKeys build() {
            return new StateKeys(List.copyOf(keys));
        }
    }
}
