package dev.goodput.chart.timeline;

import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault lane's marks, prepared once per derivation: each fault's time and colour, which faults are roots, and
 * for each root the span from it to its farthest cascade. A fault takes its cause's colour as the run-state lane and
 * the waterfall give it ({@link StateCategories}); a cause with no time of its own in the window (a cascade's, a
 * survived error's) takes its own colour too, or its layer's "other" colour when that is too close to a state's. Roots are drawn filled, every other
 * fault hollow (it costs nothing of its own), and a line in the root's colour joins a root to its cascades.
 */
public final class FaultLane {
    private final FaultLinks links;
    private final long[] times;
    private final int[] colours;
    private final int[] categories;
    private final long[] rootTimes;
    private final int[] roots;
    private final long[] linkFrom;
    private final long[] linkTo;
    private final int[] linkRoot;

    private FaultLane(FaultLinks links, long[] times, int[] colours, int[] categories, int[] roots, long[] linkFrom,
                      long[] linkTo, int[] linkRoot) {
        this.links = links;
        this.times = times;
        this.colours = colours;
        this.categories = categories;
        this.roots = roots;
        this.rootTimes = new long[roots.length];
        for (int i = 0; i < roots.length; i++) {
            rootTimes[i] = times[roots[i]];
        }
        this.linkFrom = linkFrom;
        this.linkTo = linkTo;
        this.linkRoot = linkRoot;
    }

    /** The faults of {@code links} in the colours of {@code c}. */
    public static FaultLane of(FaultLinks links, StateCategories c) {
        List<FaultEvent> faults = links.faults();
        int n = faults.size();
        long[] times = new long[n];
        int[] colours = new int[n];
        int[] categories = new int[n];
        Map<String, Integer> stateless = new HashMap<>();
        int rootCount = 0;
        for (int i = 0; i < n; i++) {
            FaultEvent f = faults.get(i);
            times[i] = f.timeUs();
            Layer layer = f.layer() == null ? Layer.INFRA : f.layer(); // a fault with no layer costs availability
            categories[i] = c.indexOf(layer, f.cause());
            colours[i] = categories[i] >= 0 ? c.colour(categories[i])
                    : stateless.computeIfAbsent(layer.id() + "/" + f.cause(),
                    key -> c.colourOfStateless(layer, f.cause()));
            rootCount += links.of(f).isRoot() ? 1 : 0;
        }
        int[] roots = new int[rootCount];
        List<long[]> spans = new ArrayList<>(); // {from, to, index of the fault linked to}
        int r = 0;
        for (int i = 0; i < n; i++) {
            FaultLinks.Link l = links.of(faults.get(i));
            if (l.isRoot()) {
                roots[r++] = i;
            }
            if (!l.cascades().isEmpty()) { // a cascade an analyst linked cascades to links them too
                long from = times[i];
                long to = times[i];
                for (FaultEvent cascade : l.cascades()) { // an analyst's cascade may come before its root
                    from = Math.min(from, cascade.timeUs());
                    to = Math.max(to, cascade.timeUs());
                }
                spans.add(new long[]{from, to, i});
            }
        }
        // Links in the order of their start, for drawing left to right.
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] linkFrom = new long[spans.size()];
        long[] linkTo = new long[spans.size()];
        int[] linkRoot = new int[spans.size()];
        for (int k = 0; k < spans.size(); k++) {
            linkFrom[k] = spans.get(k)[0];
            linkTo[k] = spans.get(k)[1];
            linkRoot[k] = (int) spans.get(k)[2];
        }
        return new FaultLane(links, times, colours, categories, roots, linkFrom, linkTo, linkRoot);
    }

    /** Faults known only by their times (benchmarks, synthetic lanes): each a root in the infra layer's colour. */
    public static FaultLane filled(long[] times) {
        long[] t = times.clone();
        Arrays.sort(t);
        int[] colours = new int[t.length];
        Arrays.fill(colours, StatePalette.layer(dev.goodput.core.model.Layer.INFRA));
        int[] categories = new int[t.length];
        Arrays.fill(categories, -1);
        int[] roots = new int[t.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = i;
        }
        return new FaultLane(null, t, colours, categories, roots, new long[0], new long[0], new int[0]);
    }

    /** The same faults in the colours of other categories (an attribution edit re-ranks the causes). */
    FaultLane recoloured(StateCategories c) {
        return links == null ? this : of(links, c);
    }

    /** The links drawn; null for a lane of bare times. */
    public FaultLinks links() {
        return links;
    }

    /** Every fault's time, sorted. */
    public long[] times() {
        return times;
    }

    /** The colour (ARGB) of the {@code i}-th fault in time order. */
    public int colour(int i) {
        return colours[i];
    }

    /** The state category of the {@code i}-th fault's cause, or -1 when the run-state lane shows no such state. */
    public int category(int i) {
        return categories[i];
    }

    /** How many of the faults are roots. */
    public int rootCount() {
        return roots.length;
    }

    /** The index (in time order) of the {@code r}-th root. */
    public int root(int r) {
        return roots[r];
    }

    /** The roots' times, sorted. */
    long[] rootTimes() {
        return rootTimes;
    }

    /** How many root-to-cascades links there are: one per fault with cascades. */
    public int linkCount() {
        return linkFrom.length;
    }

    /** Where the {@code k}-th link (by its start) starts: its root or its earliest cascade. */
    public long linkFrom(int k) {
        return linkFrom[k];
    }

    /** Where the {@code k}-th link ends: its root or its latest cascade. */
    public long linkTo(int k) {
        return linkTo[k];
    }

    /** The index (in time order) of the {@code k}-th link's root (the fault its cascades follow): its colour. */
    public int linkRoot(int k) {
        return linkRoot[k];
    }
}
