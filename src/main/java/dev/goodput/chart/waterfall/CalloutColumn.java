package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartText;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The callouts of one step, stacked in the column right of its bar: what each says at a width, given the height
 * the column has. They are shortened only when they cannot all be shown whole, one change at a time and the
 * cheapest first: numbers moved onto the name's last line (nothing lost); then, losing something, names cut to
 * two lines (the longest first), numbers cut to the percent, numbers dropped, names cut to one line, and at last
 * callouts dropped; smallest causes first. Names go last because they say which cause a segment is; the numbers
 * are in the hover and the segment's height.
 */
final class CalloutColumn {
    /** A step of shortening, or none left. */
    private interface Change {
        int pick(List<CalloutText.Shortening> s, List<CalloutText> t);
    }

    private final List<String> labels;
    private final List<List<String>> parts;
    private final List<Integer> smallestFirst;
    private final Font font;
    private final double gap;
    private final double share;

    CalloutColumn(List<WaterfallModel.Segment> segments, List<List<String>> parts, Font font, double gap) {
        this.labels = segments.stream().map(WaterfallModel.Segment::label).toList();
        this.parts = List.copyOf(parts);
        this.smallestFirst = IntStream.range(0, segments.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> segments.get(i).fraction())).toList();
        this.font = font;
        this.gap = gap;
        this.share = segments.stream().mapToDouble(WaterfallModel.Segment::fraction).sum();
    }

    /** The share of the window the step loses: larger steps keep their callouts when not all can. */
    double share() {
        return share;
    }

    boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The width every callout takes with its name on one line and its numbers on the next. */
    double preferredWidth() {
        double w = 0;
        for (int i = 0; i < labels.size(); i++) {
            w = Math.max(w, Math.max(ChartText.width(labels.get(i), font),
                    ChartText.width(String.join(" · ", parts.get(i)), font)));
        }
        return w;
    }

    /** The width past which nothing gets shorter: every callout on one line. */
    double widestWidth() {
        double w = 0;
        for (int i = 0; i < labels.size(); i++) {
            w = Math.max(w, ChartText.width(labels.get(i), font) + CalloutText.joinGap(font)
                    + ChartText.width(String.join(" · ", parts.get(i)), font));
        }
        return w;
    }

    /**
     * The least width (from {@code min} up) at which every callout is whole within {@code height}; NaN when even
     * one line each is too tall for it.
     */
    double leastWholeWidth(double min, double height) {
        double hi = widestWidth();
        if (!whole(fit(hi, height))) {
            return Double.NaN;
        }
        double lo = Math.min(min, hi);
        if (whole(fit(lo, height))) {
            return lo;
        }
        for (int i = 0; i < 20 && hi - lo > 0.5; i++) {
            double mid = (lo + hi) / 2;
            if (whole(fit(mid, height))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** What each callout says at {@code width} so that all fit in {@code height}: whole if they can be. */
    List<CalloutText> fit(double width, double height) {
        List<CalloutText.Shortening> s = new ArrayList<>();
        labels.forEach(l -> s.add(CalloutText.Shortening.NONE));
        List<CalloutText> t = texts(s, width);
        List<Change> changes = List.of(this::joinTallest, this::cutLongestToTwo,
                (ss, tt) -> smallest(i -> ss.get(i).shown() && ss.get(i).numbers() == CalloutText.Numbers.ALL
                        && parts.get(i).size() > 1),
                (ss, tt) -> smallest(i -> ss.get(i).shown() && ss.get(i).numbers() != CalloutText.Numbers.NONE),
                (ss, tt) -> smallest(i -> ss.get(i).shown() && tt.get(i).name().size() > 1),
                (ss, tt) -> smallest(i -> ss.get(i).shown()));
        while (height(t) > height) {
            int level = 0;
            int i = -1;
            while (level < changes.size() && (i = changes.get(level).pick(s, t)) < 0) {
                level++;
            }
            if (i < 0) {
                break;
            }
            s.set(i, apply(level, s.get(i)));
            t.set(i, CalloutText.of(labels.get(i), parts.get(i), font, width, s.get(i)));
        }
        return t;
    }

    private static CalloutText.Shortening apply(int level, CalloutText.Shortening s) {
        return switch (level) {
            case 0 -> s.joining();
            case 1 -> s.nameCut(2);
            case 2 -> s.showing(CalloutText.Numbers.PERCENT);
            case 3 -> s.showing(CalloutText.Numbers.NONE);
            case 4 -> s.nameCut(1);
            default -> s.hidden();
        };
    }

    /** Whether every callout is shown with its whole name and all its numbers. */
    boolean whole(List<CalloutText> t) {
        for (int i = 0; i < t.size(); i++) {
            CalloutText c = t.get(i);
            if (!c.shown() || !c.nameText().equals(labels.get(i))
                    || !c.numbersText().equals(String.join(" · ", parts.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** The height the shown callouts take, with a gap between each two. */
    double height(List<CalloutText> t) {
        double line = ChartText.lineHeight(font);
        double h = 0;
        int shown = 0;
        for (CalloutText c : t) {
            if (c.shown()) {
                h += c.lines() * line;
                shown++;
            }
        }
        return h + Math.max(0, shown - 1) * gap;
    }

    private List<CalloutText> texts(List<CalloutText.Shortening> s, double width) {
        List<CalloutText> t = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            t.add(CalloutText.of(labels.get(i), parts.get(i), font, width, s.get(i)));
        }
        return t;
    }

    /** The tallest callout whose numbers would move up onto its name's last line. */
    private int joinTallest(List<CalloutText.Shortening> s, List<CalloutText> t) {
        int best = -1;
        for (int i = 0; i < t.size(); i++) {
            if (s.get(i).shown() && !s.get(i).join() && !t.get(i).numbers().isEmpty()
                    && (best < 0 || t.get(i).lines() > t.get(best).lines())) {
                best = i;
            }
        }
        return best;
    }

    /** The callout whose name takes the most lines, over two. */
    private int cutLongestToTwo(List<CalloutText.Shortening> s, List<CalloutText> t) {
        int best = -1;
        for (int i = 0; i < t.size(); i++) {
            if (s.get(i).shown() && t.get(i).name().size() > 2
                    && (best < 0 || t.get(i).name().size() > t.get(best).name().size())) {
                best = i;
            }
        }
        return best;
    }

    /** The smallest cause a change can still be made to, or -1. */
    private int smallest(IntPredicate can) {
        for (int i : smallestFirst) {
            if (can.test(i)) {
                return i;
            }
        }
        return -1;
    }
}
