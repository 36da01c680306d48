package dev.goodput.chart.waterfall;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.report.HumanFormat;

/** What hovering a part of the waterfall says: a cause's time, intervals and share, or a total's value. */
public final class WaterfallHover {
    private WaterfallHover() {
    }

    public static String describe(WaterfallModel m, WaterfallModel.Segment s, WaterfallOptions o) {
        StringBuilder b = new StringBuilder(s.label()).append('\n');
        b.append("Layer: ").append(s.layer().id()).append('\n');
        b.append("Lost: ").append(HumanFormat.duration(s.seconds())).append(" of window time (")
                .append(WaterfallFormat.percent(s.fraction())).append(" of the window)\n");
        b.append("Accelerator-hours: ")
                .append(WaterfallFormat.hours(m.acceleratorHours(s.fraction())));
        if (o.unit() == WaterfallUnit.COST) {
            b.append("\nCost: ").append(WaterfallFormat.cost(m.value(s.fraction(), o), o.currency()))
                    .append(" at ").append(o.currency()).append(o.pricePerHour()).append(" per accelerator-hour");
        }
        // Slow steps are steps of kept progress, not lost intervals: say what their count is of.
        boolean slowSteps = s.layer() == CauseCatalog.SLOW_STEPS.layer()
                && CauseCatalog.SLOW_STEPS.id().equals(s.cause());
        b.append(slowSteps ? "\nSlow steps: " : "\nIntervals: ").append(s.intervals());
        if (s.isOther()) {
            b.append("\nGroups ").append(s.members().size()).append(" causes under ")
                    .append(WaterfallFormat.percent(o.otherThreshold())).append(" each: ")
                    .append(String.join(", ", s.members()));
        }
        return b.toString();
    }

    public static String describe(WaterfallModel m, WaterfallModel.Total t, WaterfallOptions o) {
        String s = t.label() + "\n" + WaterfallFormat.percent(t.fraction()) + " of the window · "
                + HumanFormat.duration(t.seconds()) + " of window time\nAccelerator-hours: "
                + WaterfallFormat.hours(m.acceleratorHours(t.fraction()));
        if (o.unit() == WaterfallUnit.COST) {
            s += "\nCost: " + WaterfallFormat.cost(m.value(t.fraction(), o), o.currency());
        }
        return s;
    }
}
