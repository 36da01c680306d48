package dev.goodput.chart.timeline;

import dev.goodput.core.profile.analysis.RankProfile;
import dev.goodput.core.report.HumanFormat;

import java.util.Locale;

/** A loaded profile placed on the run's timeline: the span of its analysed steps and what it measured. */
public record ProfileSpan(long startUs, long endUs, String label, String details) {

    public static ProfileSpan of(RankProfile p) {
        String mfu = p.mfu().mfu() == null ? "MFU n/a" : String.format(Locale.ROOT, "MFU %.1f%%", p.mfu().mfu() * 100);
        String label = "rank " + p.rank() + " · " + mfu;
        String details = String.format(Locale.ROOT, "Profile: %s%nRank: %s%nDevice: %s%nSteps: %s%n%s%nBreakdown: GPU "
                        + "idle %.1f%%, compute %.1f%%, non-compute %.1f%%%nStart: %s%nEnd: %s", p.file(),
                p.rank() < 0 ? "one (no rank in the trace)" : p.rank(), p.device(), p.steps(), mfu,
                p.temporal().idlePct(), p.temporal().computePct(), p.temporal().nonComputePct(),
                HumanFormat.clock(p.startEpochUs()), HumanFormat.clock(p.endEpochUs()));
        return new ProfileSpan(p.startEpochUs(), Math.max(p.startEpochUs() + 1, p.endEpochUs()), label, details);
    }
}
