package dev.goodput.chart.timeline;

import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.chart.colour.CauseColours;
import dev.goodput.chart.colour.ColourDistance;
import dev.goodput.chart.colour.ShownColours;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states a timeline shows, as small integers: 0 is productive, then one per cause ordered by layer and
 * by lost time (as the report lists them), each with its own colour ({@link ShownColours}: the same whatever the
 * other causes, the window or the edits), then "Other infra" / "Other framework" for the causes whose colours are too
 * close to a larger cause's. Stable for one derivation.
 */
public final class StateCategories {
    public static final int PRODUCTIVE = 0;

    private final List<String> labels = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final int[] colours;
    private final Map<String, Integer> byKey = new HashMap<>();
    private final CauseColourBook book;

    private StateCategories(List<CauseShare> causes, ShownColours shown, CauseColourBook book) {
        this.book = book;
        labels.add("Productive");
        layers.add(null);
        List<Integer> cols = new ArrayList<>(List.of(StatePalette.PRODUCTIVE));
        Map<Layer, List<String>> gathered = new EnumMap<>(Layer.class);
        for (CauseShare c : causes) {
            if (c.layer() == Layer.MODEL) {
                continue; // model-layer losses are a share of productive time, not intervals on the timeline
            }
            String key = key(c.layer(), c.cause());
            if (byKey.containsKey(key) || gathered.getOrDefault(c.layer(), List.of()).contains(key)) {
                continue;
            }
            if (shown.grouped(c.layer(), c.cause())) {
                gathered.computeIfAbsent(c.layer(), l -> new ArrayList<>()).add(key);
                continue;
            }
            byKey.put(key, labels.size());
            labels.add(c.label());
            layers.add(c.layer());
            cols.add(shown.colour(c.layer(), c.cause()));
        }
        gathered.forEach((layer, keys) -> {
            int category = labels.size();
            labels.add("Other " + layer.id() + " (" + keys.size() + (keys.size() == 1 ? " cause)" : " causes)"));
            layers.add(layer);
            cols.add(CauseColours.other(layer));
            keys.forEach(k -> byKey.put(k, category));
        });
        colours = cols.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Synthetic categories (productive + n − 1 infra causes), for benchmarks. */
    static StateCategories synthetic(int n) {
        List<CauseShare> causes = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            causes.add(new CauseShare(Layer.INFRA, "cause_" + i, "Cause " + i, 0, 0, 0, 0));
        }
        CauseColourBook book = new CauseColourBook();
        return new StateCategories(causes, ShownColours.of(causes, book), book);
    }

    /** The states of {@code d} in the session's colours. */
    public static StateCategories of(Derivation d) {
        return of(d, CauseColourBook.session());
    }

    public static StateCategories of(Derivation d, CauseColourBook book) {
        List<CauseShare> badput = d.report().badput();
        return new StateCategories(badput, ShownColours.of(badput, book), book);
    }

    private static String key(Layer layer, String cause) {
        return layer.id() + "/" + cause;
    }

    /** The category of an interval's state (an unknown cause gets its layer's main colour slot). */
    public int of(IntervalState state) {
        if (state instanceof IntervalState.Lost lost) {
            Cause c = lost.cause();
            return ofCause(c.layer(), c.id());
        }
        return PRODUCTIVE;
    }

    /** The category of a lost interval of this cause: as {@link #of(IntervalState)}, from the cause's key. */
    int ofCause(Layer layer, String cause) {
        Integer i = byKey.get(key(layer, cause));
        return i == null ? PRODUCTIVE : i;
    }

    /**
     * The category of a cause (its layer's "other" for a gathered cause), or -1 when the timeline has none such
     * (e.g. model-layer causes).
     */
    public int indexOf(Layer layer, String cause) {
        Integer i = byKey.get(key(layer, cause));
        return i == null ? -1 : i;
    }

    /**
     * The colour of a cause with no state here (a cascade's, a survived error's, drawn on the fault lane): its own
     * when told apart from every state's colour, else its layer's "other" colour.
     */
    public int colourOfStateless(Layer layer, String cause) {
        List<Integer> shown = java.util.Arrays.stream(colours).boxed().toList();
        int own = book.colourOrAssign(layer, cause, shown);
        for (int c : colours) {
            if (!ColourDistance.distinct(c, own)) {
                return CauseColours.other(layer);
            }
        }
        return own;
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
