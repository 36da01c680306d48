package dev.goodput.chart.waterfall;

import java.util.List;

/**
 * Where the bars go along the plot, and how wide each step's callout column is. Each bar needs room for itself
 * and its value text, its name under the axis, and a step also for its callouts. Each column first gets the least
 * width at which its callouts are whole in the plot's height; what is left widens them up to a name a line (the
 * tidiest form), and the rest evens the bars' rhythm (the closest pairs are moved apart first). When the row is
 * too short for that, the columns share it (the widest give way first) and callouts get shortened; when it is too
 * short even for the narrowest columns, the steps that lose the most keep theirs; when even the bars and names do
 * not fit, the spacing shrinks and names are cut (the hover still gives them).
 */
final class BarRow {
    /**
     * One bar's needs around its centre: {@code left} and {@code right} in the plot (value text included; a step's
     * right side up to where its callouts start), {@code nameHalf} half its name's width, and the step's callouts
     * (null for a total).
     */
    record Need(double left, double right, double nameHalf, CalloutColumn column) {
    }

    private final double[] centres;
    private final double[] columns;
    private final boolean cramped;

    private BarRow(double[] centres, double[] columns, boolean cramped) {
        this.centres = centres;
        this.columns = columns;
        this.cramped = cramped;
    }

    /**
     * @param gap       space between one bar's room and the next's, in the plot
     * @param nameGap   space between two names under the axis
     * @param minColumn the narrowest callout column worth drawing
     * @param height    the height callout columns have
     */
    static BarRow place(List<Need> needs, double x0, double x1, double gap, double nameGap, double minColumn,
                        double height) {
        int n = needs.size();
        double[] spacing = new double[Math.max(0, n - 1)];
        double fixed = Math.max(needs.get(0).left(), needs.get(0).nameHalf())
                + Math.max(needs.get(n - 1).right(), needs.get(n - 1).nameHalf()); // the ends stay inside the plot
        for (int i = 0; i + 1 < n; i++) {
            Need a = needs.get(i);
            Need b = needs.get(i + 1);
            spacing[i] = Math.max(a.right() + b.left() + gap, a.nameHalf() + b.nameHalf() + nameGap);
            fixed += spacing[i];
        }
        double budget = x1 - x0 - fixed;
        double[] columns = columnWidths(needs, budget, minColumn, height);
        for (int i = 0; i + 1 < n; i++) {
            Need a = needs.get(i);
            Need b = needs.get(i + 1);
            spacing[i] = Math.max(a.right() + columns[i] + b.left() + gap, a.nameHalf() + b.nameHalf() + nameGap);
        }
        double first = Math.max(needs.get(0).left(), needs.get(0).nameHalf());
        double last = Math.max(needs.get(n - 1).right(), needs.get(n - 1).nameHalf());
        double slack = x1 - x0 - first - last - sum(spacing);
        boolean cramped = slack < -1e-6;
        double[] centres = new double[n];
        double squeeze = 1;
        if (cramped) {
            squeeze = Math.max(0, x1 - x0 - first - last) / Math.max(1e-9, sum(spacing));
        }
        if (!cramped && n > 1) {
            spacing = evened(spacing, x1 - x0 - first - last);
        }
        centres[0] = x0 + first;
        for (int i = 0; i + 1 < n; i++) {
            centres[i + 1] = centres[i] + spacing[i] * squeeze;
        }
        return new BarRow(centres, columns, cramped);
    }

    /**
     * The spacings, the narrowest widened first to one level, so that they fill {@code room}: bars keep an even
     * rhythm where their labels allow it.
     */
    private static double[] evened(double[] spacing, double room) {
        double lo = 0;
        double hi = room;
        for (int k = 0; k < 50; k++) {
            double level = (lo + hi) / 2;
            if (sum(raised(spacing, new double[spacing.length], level, true)) <= room) {
                lo = level;
            } else {
                hi = level;
            }
        }
        double[] even = raised(spacing, new double[spacing.length], lo, true);
        double rest = (room - sum(even)) / spacing.length; // what the search left, well under a unit
        for (int i = 0; i < even.length; i++) {
            even[i] += rest;
        }
        return even;
    }

    /** Column widths for the steps (0 for totals and for steps with nothing to say). */
    private static double[] columnWidths(List<Need> needs, double budget, double minColumn, double height) {
        int n = needs.size();
        double[] least = new double[n];
        double[] preferred = new double[n];
        double[] floor = new double[n];
        for (int i = 0; i < n; i++) {
            CalloutColumn c = needs.get(i).column();
            if (c == null || c.isEmpty()) {
                continue;
            }
            preferred[i] = c.preferredWidth();
            floor[i] = Math.min(minColumn, preferred[i]);
            double whole = c.leastWholeWidth(floor[i], height);
            least[i] = Double.isNaN(whole) ? preferred[i] : whole;
            preferred[i] = Math.max(preferred[i], least[i]);
        }
        if (sum(least) <= budget) {
            return fill(least, preferred, budget);
        }
        // Not every column can have its narrowest: the steps that lose the most keep theirs, the others go without
        // callouts (the hover still tells).
        List<Integer> bySize = java.util.stream.IntStream.range(0, n).filter(i -> floor[i] > 0).boxed()
                .sorted((a, b) -> Double.compare(needs.get(b).column().share(), needs.get(a).column().share()))
                .toList();
        double taken = 0;
        for (int i : bySize) {
            if (taken + floor[i] > budget) {
                floor[i] = 0;
                least[i] = 0;
            } else {
                taken += floor[i];
            }
        }
        return fill(floor, least, budget);
    }

    /** From {@code low} towards {@code high}, the widest gaining last, within {@code budget}. */
    private static double[] fill(double[] low, double[] high, double budget) {
        double lo = 0;
        double hi = 0;
        for (double h : high) {
            hi = Math.max(hi, h);
        }
        for (int k = 0; k < 50; k++) { // the level every column is raised to, where it wants that much
            double level = (lo + hi) / 2;
            if (sum(raised(low, high, level)) <= budget) {
                lo = level;
            } else {
                hi = level;
            }
        }
        return raised(low, high, lo);
    }

    private static double[] raised(double[] low, double[] high, double level) {
        return raised(low, high, level, false);
    }

    /** Each of {@code low} raised to {@code level}, but not past its {@code high} unless {@code unbounded}. */
    private static double[] raised(double[] low, double[] high, double level, boolean unbounded) {
        double[] w = new double[low.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(low[i], unbounded ? level : Math.min(high[i], level));
        }
        return w;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    double centre(int i) {
        return centres[i];
    }

    /** The width planned for step {@code i}'s callouts (they may take the room up to the next bar). */
    double column(int i) {
        return columns[i];
    }

    /** True when not even the bars and names had their room: names are cut to fit. */
    boolean cramped() {
        return cramped;
    }
}
