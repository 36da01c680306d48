package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.ResolvedAttempt;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.report.HumanFormat;

import java.util.List;

/**
 * The attempts lane's tooltip: which attempt is under the pointer, how it ended, and why it was found — the line
 * and the rule for an attempt read from a trainer log ({@link JobAttempt#why()}), the logged job start, or the
 * derivation's own inference from step numbers.
 */
public final class AttemptHover {
    private AttemptHover() {
    }

    /** The text for time {@code t} (with {@code slackUs} either side, for a thin bar), or "" when no attempt is there. */
    public static String at(Derivation d, long t, long slackUs) {
        List<ResolvedAttempt> attempts = d.attempts();
        for (ResolvedAttempt a : attempts) {
            if (t >= a.startUs() - slackUs && t <= a.endUs() + slackUs) {
                return describe(d, a);
            }
        }
        return "";
    }

    static String describe(Derivation d, ResolvedAttempt a) {
        StringBuilder b = new StringBuilder("Attempt ").append(a.index() + 1).append(" of ")
                .append(d.attempts().size())
                .append("\nStart: ").append(HumanFormat.clock(a.startUs()))
                .append("\nEnd: ").append(HumanFormat.clock(a.endUs()))
                .append("\nDuration: ").append(HumanFormat.duration(a.durationUs() / 1e6))
                .append("\nEnded: ").append(a.fatalFault() != null
                        ? "fault: " + CauseCatalog.labelFor(a.fatalFault().cause()) : ended(a.endReason()));
        b.append("\nFound: ").append(why(d, a));
        return b.toString();
    }

    private static String ended(EndReason reason) {
        return switch (reason) {
            case COMPLETED -> "completed";
            case FAULT -> "fault";
            case PREEMPTED -> "preempted";
            case CANCELLED -> "cancelled by a user";
            case TIME_LIMIT -> "time limit reached";
            case RESTART -> "planned restart";
            case UNKNOWN -> "no reason logged";
        };
    }

    private static String why(Derivation d, ResolvedAttempt a) {
        if (a.inferred()) {
            return "inferred: the step at " + a.source().fileName() + ":" + a.source().line() + " does not follow the "
                    + "step before it (a restart the log did not record)";
        }
        for (JobAttempt j : d.run().attempts()) {
            if (j.startUs() == a.startUs() && j.source().equals(a.source()) && j.why() != null) {
                return j.why();
            }
        }
        return "job start logged at " + a.source().fileName() + ":" + a.source().line();
    }
}
