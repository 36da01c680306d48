package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states a timeline shows, as small integers: 0 is productive, then one per cause ordered by layer and
 * by lost time (as the report lists them), each with its colour and label. Stable for one derivation.
 */
public final class StateCategories {
    public static final int PRODUCTIVE = 0;

    private final List<String> labels = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final int[] colours;
    private final Map<String, Integer> byKey = new HashMap<>();

    private StateCategories(List<CauseShare> causes) {
        labels.add("Productive");
        layers.add(null);
        Map<Layer, Integer> seen = new HashMap<>();
        List<Integer> cols = new ArrayList<>(List.of(StatePalette.PRODUCTIVE));
        for (CauseShare c : causes) {
            if (c.layer() == Layer.MODEL) {
                continue; // model-layer losses are a share of productive time, not intervals on the timeline
            }
            String key = key(c.layer(), c.cause());
            if (byKey.containsKey(key)) {
                continue;
            }
            byKey.put(key, labels.size());
            labels.add(c.label());
            layers.add(c.layer());
            int n = seen.merge(c.layer(), 1, Integer::sum) - 1;
            cols.add(StatePalette.cause(c.layer(), n));
        }
        colours = cols.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Synthetic categories (productive + n − 1 infra causes), for benchmarks. */
    static StateCategories synthetic(int n) {
        List<CauseShare> causes = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            causes.add(new CauseShare(Layer.INFRA, "cause_" + i, "Cause " + i, 0, 0, 0, 0));
        }
        return new StateCategories(causes);
    }

    public static StateCategories of(Derivation d) {
        return new StateCategories(d.report().badput());
    }

    private static String key(Layer layer, String cause) {
        return layer.id() + "/" + cause;
    }

    /** The category of an interval's state (an unknown cause gets its layer's main colour slot). */
    public int of(IntervalState state) {
        if (state instanceof IntervalState.Lost lost) {
            Cause c = lost.cause();
            Integer i = byKey.get(key(c.layer(), c.id()));
            return i == null ? PRODUCTIVE : i;
        }
        return PRODUCTIVE;
    }

    /** The category of a cause, or -1 when the timeline has none such (e.g. model-layer causes). */
    public int indexOf(Layer layer, String cause) {
        Integer i = byKey.get(key(layer, cause));
        return i == null ? -1 : i;
    }

    public int of(Interval iv) {
        return of(iv.state());
    }

    public int size() {
        return labels.size();
    }

    public String label(int category) {
        return labels.get(category);
    }

    /** The layer of a cause category; null for productive. */
    public Layer layer(int category) {
        return layers.get(category);
    }

    public int colour(int category) {
        return colours[category];
    }
}
