package dev.goodput.chart.colour;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.CauseColourChoices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The colours causes are drawn in beyond the fixed table: those the user chose (any cause) and those given once to a
 * cause outside the catalogue when first drawn, so it keeps its colour through edits, windows, runs and exports. A
 * workspace stores both and loads them back. One book serves the session: every chart, on screen or exported, asks
 * it, so a cause has one colour wherever it is drawn.
 */
public final class CauseColourBook {
    private static final CauseColourBook SESSION = new CauseColourBook();

    private final Map<String, Integer> chosen = new LinkedHashMap<>();
    private final Map<String, Integer> assigned = new LinkedHashMap<>();

    /**
     * The session's book: the app's charts draw from it. Opening a run {@linkplain #load loads} it with that run's
     * workspace colours (none for plain run files), so nothing carries over from the run shown before.
     */
    public static CauseColourBook session() {
        return SESSION;
    }

    /** The colour of a cause: the user's choice, else its fixed colour, else the one it was given; 0 for none yet. */
    public synchronized int colour(String id) {
        String key = CauseCatalog.canonicalId(id);
        Integer c = chosen.get(key);
        if (c != null) {
            return c;
        }
        int fixed = CauseColours.fixed(key);
        if (fixed != 0) {
            return fixed;
        }
        c = assigned.get(key);
        return c == null ? 0 : c;
    }

    /** As {@link #colourOrAssign(Layer, String, Collection, Collection)} with nothing else to keep away from. */
    public int colourOrAssign(Layer layer, String id, Collection<Integer> shown) {
        return colourOrAssign(layer, id, shown, List.of());
    }

    /**
     * The colour of a cause, giving one to a cause that has none: of the candidates of its layer's hues
     * ({@link CauseColours#candidates}), one told apart ({@link ColourDistance}) from every colour in {@code shown}
     * where any is, and of those the farthest from {@code near} (other colours drawn nearby) and the colours given
     * before; the first of equals, so the same causes in the same order always get the same colours.
     */
    public synchronized int colourOrAssign(Layer layer, String id, Collection<Integer> shown,
                                           Collection<Integer> near) {
        int c = colour(id);
        if (c != 0) {
            return c;
        }
        List<Integer> avoid = new ArrayList<>(near);
        avoid.addAll(assigned.values());
        int pick = 0;
        double best = -1;
        for (int candidate : CauseColours.candidates(layer)) {
            double apart = ColourDistance.MINIMUM;
            for (int o : shown) {
                apart = Math.min(apart, ColourDistance.of(o, candidate));
            }
            double nearest = 1000;
            for (int o : avoid) {
                nearest = Math.min(nearest, ColourDistance.of(o, candidate));
            }
            double score = apart * 1000 + nearest;
            if (score > best) {
                best = score;
                pick = candidate;
            }
        }
        assigned.put(CauseCatalog.canonicalId(id), pick);
        return pick;
    }

    /** Sets the colour the user chose for a cause (opaque ARGB); 0 clears it, back to its fixed or given colour. */
    public synchronized void choose(String id, int argb) {
        String key = CauseCatalog.canonicalId(id);
        if (argb == 0) {
            chosen.remove(key);
        } else {
            chosen.put(key, 0xFF000000 | argb);
        }
    }

    /** The user's choices, by cause id. */
    public synchronized Map<String, Integer> chosen() {
        return Map.copyOf(chosen);
    }

    /** The colours given to causes outside the catalogue, by cause id. */
    public synchronized Map<String, Integer> assigned() {
        return Map.copyOf(assigned);
    }

    /**
     * Takes a workspace's colours in place of the book's, chosen and given alike: a run opened is drawn in its own
     * workspace's colours, never in those another run chose or was given (its causes get their colours as drawn).
     */
    public synchronized void load(Map<String, Integer> chosenColours, Map<String, Integer> assignedColours) {
        chosen.clear();
        assigned.clear();
        chosenColours.forEach((k, v) -> chosen.put(CauseCatalog.canonicalId(k), 0xFF000000 | v));
        assignedColours.forEach((k, v) -> assigned.put(CauseCatalog.canonicalId(k), 0xFF000000 | v));
    }

    /** Takes a workspace's colours ({@link #load(Map, Map)}). */
    public void load(CauseColourChoices c) {
        load(c.chosen(), c.given());
    }

    /** The book's colours as a workspace keeps them. */
    public synchronized CauseColourChoices choices() {
        return new CauseColourChoices(chosen, assigned);
    }

    /** Forgets every choice and given colour (tests; a new session). */
    public synchronized void clear() {
        chosen.clear();
        assigned.clear();
    }
}
