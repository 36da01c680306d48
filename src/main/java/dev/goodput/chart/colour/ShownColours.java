package dev.goodput.chart.colour;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The colours one report's causes are drawn in, on every chart of it: each cause its own colour
 * ({@link CauseColourBook}), taken largest cause first; a cause whose colour is not told apart
 * ({@link ColourDistance}) from productive time's or a larger cause's is gathered in "other &lt;layer&gt;" instead, never
 * drawn in a colour too close to another's. Productive time's and slow steps' colours are kept (they are drawn on
 * lanes of their own too); when any cause is gathered, the "other" colours are kept free as well.
 */
public final class ShownColours {
    private static final int SLOW_STEPS = CauseColours.fixed(CauseCatalog.SLOW_STEPS.id());
    private static final List<Integer> OTHERS = List.of(CauseColours.OTHER_INFRA, CauseColours.OTHER_FRAMEWORK,
            CauseColours.OTHER_MODEL);
    private final Map<String, Integer> colours;
    private final Set<String> grouped;

    private ShownColours(Map<String, Integer> colours, Set<String> grouped) {
        this.colours = colours;
        this.grouped = grouped;
    }

    public static ShownColours of(List<CauseShare> causes, CauseColourBook book) {
        List<CauseShare> bySize = new ArrayList<>(causes);
        bySize.sort(Comparator.comparingDouble(CauseShare::seconds).reversed());
        Map<String, Integer> colours = new HashMap<>();
        Set<String> grouped = grouped(bySize, colours, book, List.of(CauseColours.PRODUCTIVE, SLOW_STEPS));
        if (!grouped.isEmpty()) {
            List<Integer> kept = new ArrayList<>(List.of(CauseColours.PRODUCTIVE, SLOW_STEPS));
            kept.addAll(OTHERS);
            grouped = grouped(bySize, colours, book, kept);
        }
        return new ShownColours(colours, grouped);
    }

    /**
     * Takes the causes largest first, each in its colour when far enough from the colours kept and taken before,
     * else gathered. A cause with no colour yet is given one far from those (so a new large cause is drawn).
     */
    private static Set<String> grouped(List<CauseShare> bySize, Map<String, Integer> colours, CauseColourBook book,
                                       List<Integer> kept) {
        List<Integer> accepted = new ArrayList<>(kept);
        List<Integer> present = new ArrayList<>();
        for (CauseShare c : bySize) {
            int k = book.colour(c.cause());
            if (k != 0) {
                present.add(k);
            }
        }
        Set<String> grouped = new HashSet<>();
        for (CauseShare c : bySize) {
            String key = key(c.layer(), c.cause());
            int colour = colours.computeIfAbsent(key, k -> {
                List<Integer> apart = new ArrayList<>(accepted);
                apart.addAll(OTHERS); // kept free whenever a cause is gathered
                return book.colourOrAssign(c.layer(), c.cause(), apart, present);
            });
            if (colour == SLOW_STEPS && c.cause().equals(CauseCatalog.SLOW_STEPS.id())) {
                continue; // kept: drawn on the step-time lane beside the states, whatever its size
            }
            if (accepted.stream().allMatch(a -> ColourDistance.distinct(a, colour))) {
                accepted.add(colour);
            } else {
                grouped.add(key);
            }
        }
        return grouped;
    }

    private static String key(Layer layer, String cause) {
        return layer.id() + "/" + cause;
    }

    /** The cause's own colour (whether drawn in it or gathered); 0 for a cause not in the report. */
    public int colour(Layer layer, String cause) {
        Integer c = colours.get(key(layer, cause));
        return c == null ? 0 : c;
    }

    /** Whether the cause is drawn in "other &lt;layer&gt;", its colour too close to a larger cause's. */
    public boolean grouped(Layer layer, String cause) {
        return grouped.contains(key(layer, cause));
    }

    /** The colour the cause is drawn in: its own, or its layer's "other" colour when gathered. */
    public int drawn(Layer layer, String cause) {
        return grouped(layer, cause) ? CauseColours.other(layer) : colour(layer, cause);
    }
}
