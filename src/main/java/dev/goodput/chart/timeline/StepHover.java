package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.SlowSteps;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;
import dev.goodput.core.report.HumanFormat;

import java.util.Locale;

/**
 * The step-time lane's tooltip: the step under the pointer (number, start, duration, record) and, for a slow step,
 * how far above the typical step time it was, which is what it adds to {@code slow_steps}. Zoomed out, a column
 * holds many steps: the slow step with the largest excess there is described (the one the column's colour is
 * for), with how many slow steps the column holds and their excess in all.
 */
public final class StepHover {
    /** Steps looked at per hover at most, so a column over a million steps stays quick. */
    static final int MAX_SCANNED = 200_000;

    private StepHover() {
    }

    /** The text for time {@code t} (± {@code slackUs}, about a column), or "" when no step starts near it. */
    public static String at(Derivation d, StepTimeColumns columns, long t, long slackUs) {
        StepTable s = d.run().steps();
        SlowSteps slow = d.slowSteps();
        int from = Math.max(0, s.firstStartingAtOrAfter(t - slackUs) - 1); // the step before may still be running
        int to = s.firstStartingAtOrAfter(t + slackUs + 1);
        to = Math.min(to, from + MAX_SCANNED);
        int worst = -1;
        int slowHere = 0;
        long slowExcessHere = 0;
        int under = -1;
        for (int row = from; row < to; row++) {
            int i = slow.indexOfRow(row);
            if (i >= 0 && s.startUs(row) >= t - slackUs) {
                slowHere++;
                slowExcessHere += slow.excessUs(i);
                if (worst < 0 || slow.excessUs(i) > slow.excessUs(worst)) {
                    worst = i;
                }
            }
            if (s.startUs(row) <= t && t < StepTimeColumns.end(s, row, typical(columns))) {
                under = row;
            }
        }
        if (worst >= 0) {
            String text = describe(d, columns, slow.row(worst));
            return slowHere <= 1 ? text : text + String.format(Locale.ROOT, "%nSlow steps here: %d, %s above typical "
                    + "in all", slowHere, HumanFormat.duration(slowExcessHere / 1e6));
        }
        if (under < 0 && to > from && Math.abs(s.startUs(to - 1) - t) <= slackUs) {
            under = to - 1;
        }
        return under < 0 ? "" : describe(d, columns, under);
    }

    /** One step: what it was, and for a slow step its excess and what that cost. */
    static String describe(Derivation d, StepTimeColumns columns, int row) {
        StepTable s = d.run().steps();
        SlowSteps slow = d.slowSteps();
        int i = slow.indexOfRow(row);
        StringBuilder b = new StringBuilder("Step ").append(s.number(row))
                .append("\nStart: ").append(HumanFormat.clock(s.startUs(row)));
        if (i >= 0) {
            long typical = slow.typicalDurationUs(i);
            b.append("\nDuration: ").append(HumanFormat.duration((typical + slow.excessUs(i)) / 1e6))
                    .append("\nSlow step: ").append(HumanFormat.duration(slow.excessUs(i) / 1e6))
                    .append(" above the typical ").append(HumanFormat.duration(typical / 1e6));
            if (slow.perToken()) {
                b.append(String.format(Locale.ROOT, " for its %,d tokens", slow.units(i)));
            }
            b.append("\nCost: ").append(HumanFormat.duration(slow.excessUs(i) / 1e6)).append(" × ")
                    .append(slow.accelerators(i)).append(" accelerators, counted as ")
                    .append(CauseCatalog.SLOW_STEPS.id()).append(" (model layer)");
        } else {
            long end = StepTimeColumns.end(s, row, typical(columns));
            if (Times.known(end)) {
                double seconds = (end - s.startUs(row)) / 1e6;
                b.append("\nDuration: ").append(HumanFormat.duration(seconds));
                double typical = typical(columns);
                if (typical > 0) {
                    b.append("\nDeviation: ").append(deviation(seconds, typical));
                }
                if (columns != null && seconds > columns.anomalySeconds()) {
                    b.append("\nAnomalous: slower than the step statistics' limit, but not a slow step (warm-up, "
                            + "around a pause, or typical for its tokens)");
                }
            }
        }
        return b.append("\nSource: ").append(s.source(row)).toString();
    }

    /** "+0.4 s (+12%) from the typical 3.3 s"; "−0.1 s (−3%) …" for a quicker step. */
    static String deviation(double seconds, double typical) {
        double d = seconds - typical;
        String sign = d < 0 ? "−" : "+";
        return sign + HumanFormat.duration(Math.abs(d)) + String.format(Locale.ROOT, " (%s%.0f%%)", sign,
                Math.abs(d) / typical * 100) + " from the typical " + HumanFormat.duration(typical);
    }

    private static double typical(StepTimeColumns columns) {
        return columns == null ? Double.NaN : columns.typicalSeconds();
    }
}
