package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.report.HumanFormat;

/**
 * The fault and checkpoint lanes' tooltips: the fault or checkpoint nearest the pointer (within {@code slackUs}),
 * with its time, what it was and the line it came from; "" when none is near, so no empty tooltip shows.
 */
public final class MarkHover {
    private static final int MESSAGE_CHARS = 200;

    private MarkHover() {
    }

    public static String fault(Derivation d, long t, long slackUs) {
        return fault(FaultLinks.of(d), t, slackUs);
    }

    /**
     * The fault nearest {@code t}: its cause, time, node and rank, the rule that classified it, its place among
     * roots and cascades, its message and its record.
     */
    public static String fault(FaultLinks links, long t, long slackUs) {
        FaultEvent best = links.nearest(t, slackUs);
        if (best == null) {
            return "";
        }
        int near = links.countNear(best.timeUs(), slackUs);
        StringBuilder b = new StringBuilder("Fault: ").append(CauseCatalog.labelFor(best.cause()))
                .append("\nTime: ").append(HumanFormat.clock(best.timeUs()));
        if (best.node() != null) {
            b.append("\nNode: ").append(best.node());
        }
        if (best.rank() >= 0) {
            b.append("\nRank: ").append(best.rank());
        }
        b.append("\nRule: ").append(FaultText.rule(best));
        String link = FaultText.link(links.of(best));
        b.append("\n").append(Character.toUpperCase(link.charAt(0))).append(link.substring(1));
        if (best.message() != null && !best.message().isBlank()) {
            String m = best.message().strip();
            b.append("\n").append(m.length() <= MESSAGE_CHARS ? m : m.substring(0, MESSAGE_CHARS - 1) + "…");
        }
        b.append("\nSource: ").append(FaultText.where(best.source()));
        if (near > 1) {
            b.append("\n(").append(near - 1).append(" more fault").append(near == 2 ? "" : "s")
                    .append(" here: zoom in)");
        }
        return b.toString();
    }

    public static String checkpoint(Derivation d, long t, long slackUs) {
        Checkpoint best = null;
        for (Checkpoint c : d.run().checkpoints()) {
            long end = c.timeUs() + c.blockingUs();
            if (t >= c.timeUs() - slackUs && t <= end + slackUs && (best == null
                    || Math.abs(c.timeUs() - t) < Math.abs(best.timeUs() - t))) {
                best = c;
            }
        }
        if (best == null) {
            return "";
        }
        return "Checkpoint save of step " + best.step()
                + "\nStart: " + HumanFormat.clock(best.timeUs())
                + "\nBlocking: " + HumanFormat.duration(best.blockingUs() / 1e6)
                + "\nSource: " + FaultText.where(best.source());
    }
}
