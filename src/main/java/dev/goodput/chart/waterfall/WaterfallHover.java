package dev.goodput.chart.waterfall;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.HumanFormat;

/**
 * What hovering a part of the waterfall says: a cause's time, what it counts (intervals, slow steps, or its share
 * of 1 − MFU) and share; a total's value; a step's layer as a whole.
 */
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
        b.append(what(m, s));
        if (s.isOther()) {
            // Two reasons to be here: small, or drawn in a colour too close to a larger cause's (as on the timeline).
            b.append("\nGroups ").append(s.members().size()).append(" causes, each under ")
                    .append(WaterfallFormat.percent(o.otherThreshold()))
                    .append(" of the window or too close in colour to a larger one: ")
                    .append(String.join(", ", s.members().stream().map(CauseCatalog::labelFor).toList()));
        }
        return b.toString();
    }

    /**
     * What the cause's count is of: lost intervals for infra and framework causes; for the model layer, slow steps
     * are steps (of kept progress) and the others shares of productive time below peak, which have no intervals.
     */
    private static String what(WaterfallModel m, WaterfallModel.Segment s) {
        if (s.layer() != Layer.MODEL) {
            return "\nIntervals: " + s.intervals();
        }
        if (CauseCatalog.SLOW_STEPS.id().equals(s.cause())) {
            return "\nSlow steps: " + s.intervals() + " (their time above the typical step)";
        }
        if (s.isOther()) {
            return "";
        }
        String mfu = m.mfu() == null ? "" : " (MFU " + HumanFormat.pct(m.mfu()) + ")";
        if (CauseCatalog.MFU_GAP.id().equals(s.cause())) {
            return "\nWhat it is: steady productive time × (1 − MFU)" + mfu;
        }
        double share = m.belowPeakSeconds() > 0 ? s.seconds() / m.belowPeakSeconds() : 0;
        return "\nShare of 1 − MFU: " + WaterfallFormat.percent(share) + mfu;
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

    /** A step as a whole (hovering its name): its layer's loss and how many causes it holds. */
    public static String describe(WaterfallModel m, WaterfallModel.Step st, WaterfallOptions o) {
        int causes = st.segments().stream().mapToInt(seg -> seg.members().size()).sum();
        String s = st.label() + " losses (" + st.layer().id() + " layer)\n" + WaterfallFormat.percent(st.fraction())
                + " of the window · " + HumanFormat.duration(st.segments().stream()
                .mapToDouble(WaterfallModel.Segment::seconds).sum()) + " of window time\nAccelerator-hours: "
                + WaterfallFormat.hours(m.acceleratorHours(st.fraction()));
        if (o.unit() == WaterfallUnit.COST) {
            s += "\nCost: " + WaterfallFormat.cost(m.value(st.fraction(), o), o.currency());
        }
        return s + "\nCauses: " + causes;
    }
}
