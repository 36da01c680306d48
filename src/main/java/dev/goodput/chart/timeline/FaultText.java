package dev.goodput.chart.timeline;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.HumanFormat;

/** How a fault's rule and links are said, the same in the timeline's hover and the attribution table. */
public final class FaultText {
    static final String NO_RULE_UNATTRIBUTED = "no rule matched: unattributed";
    static final String NO_RULE_REPORTED = "none: cause as the source reported it";

    private FaultText() {
    }

    /**
     * The classification rule that gave the fault its cause (docs/fault-causes.md); without one, why: no rule
     * matched (the fault stays unattributed), or the source stated the cause itself.
     */
    public static String rule(FaultEvent f) {
        if (f.rule() != null) {
            return f.rule();
        }
        return CauseCatalog.UNATTRIBUTED_DOWNTIME.id().equals(f.cause()) ? NO_RULE_UNATTRIBUTED : NO_RULE_REPORTED;
    }

    /**
     * "root of 2 cascades" ("root, no cascades"), "cascade of Faulty GPU at 2024-05-01 10:08:00 UTC (slurm-2001.out:22)", "teardown",
     * "linked to no failure: costs nothing"; "(set by you)" after a link an analyst's role gave.
     */
    public static String link(FaultLinks.Link l) {
        String text = switch (l.kind()) {
            case ROOT -> l.cascades().isEmpty() ? "root, no cascades"
                    : "root of " + l.cascades().size() + (l.cascades().size() == 1 ? " cascade" : " cascades");
            case CASCADE -> "cascade of " + rootText(l);
            case TEARDOWN -> "teardown";
            case UNLINKED -> "linked to no failure: costs nothing";
        };
        return l.byAnalyst() ? text + " (set by you)" : text;
    }

    /**
     * A cascade's root as the table's Root column says it: "Faulty GPU at 2024-05-01 10:08:00 UTC
     * (slurm-2001.out:22)"; empty for a fault that is no cascade.
     */
    public static String root(FaultLinks.Link l) {
        return l.kind() == FaultLinks.Kind.CASCADE ? rootText(l) : "";
    }

    private static String rootText(FaultLinks.Link l) {
        if (l.root() != null) {
            return CauseCatalog.labelFor(l.root().cause()) + " at " + HumanFormat.clock(l.root().timeUs()) + " ("
                    + where(l.root().source()) + ")";
        }
        // A root outside the run (a role kept from another load): only its record and time are known.
        return "a fault at " + HumanFormat.clock(l.rootRef().timeUs()) + " (" + l.rootRef().source() + ")";
    }

    /** "slurm-2001.out:22": the file's name without its folders, and the line when there is one. */
    public static String where(Source s) {
        if (s == null) {
            return "";
        }
        return s.fileName() + (s.line() > 0 ? ":" + s.line() : "");
    }
}
