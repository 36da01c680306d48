package dev.goodput.core.profile.report;

import dev.goodput.core.derive.MeasuredModelLayer;
import dev.goodput.core.derive.MeasuredScope;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Times;
import dev.goodput.core.profile.analysis.RankProfile;
import dev.goodput.core.report.MfuDetails;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a profile report into the run report's model layer: the MFU averaged over the ranks that have one,
 * and (1 − MFU) split into the profile's causes, averaged the same way.
 */
public final class ProfileModelLayer {
    private ProfileModelLayer() {
    }

    /** The measured model layer, or null when no rank has an MFU. */
    public static MeasuredModelLayer of(ProfileReport report) {
        List<RankProfile> ranks = report.ranks().stream().filter(r -> r.mfu().mfu() != null && r.modelBadput() != null)
                .toList();
        if (ranks.isEmpty()) {
            return null;
        }
        double n = ranks.size();
        double mfu = ranks.stream().mapToDouble(r -> r.mfu().mfu()).sum() / n;
        Map<Cause, Double> losses = new LinkedHashMap<>();
        losses.put(CauseCatalog.GPU_IDLE, ranks.stream().mapToDouble(r -> r.modelBadput().gpuIdle()).sum() / n);
        losses.put(CauseCatalog.EXPOSED_COMMUNICATION,
                ranks.stream().mapToDouble(r -> r.modelBadput().exposedCommunication()).sum() / n);
        losses.put(CauseCatalog.MEMORY_AND_OTHER,
                ranks.stream().mapToDouble(r -> r.modelBadput().memoryAndOther()).sum() / n);
        losses.put(CauseCatalog.COMPUTE_BELOW_PEAK,
                ranks.stream().mapToDouble(r -> r.modelBadput().computeBelowPeak()).sum() / n);
        RankProfile first = ranks.get(0);
        double raw = ranks.stream().mapToDouble(r -> r.mfu().raw()).sum() / n;
        double flops = ranks.stream().mapToDouble(r -> r.mfu().flopsPerStep()).sum() / n;
        int steady = ranks.stream().mapToInt(r -> (int) r.perStep().stream().filter(s -> s.steady()).count()).sum();
        double seconds = ranks.stream().mapToDouble(r -> r.meanStepSeconds()).sum() / n;
        String rule = String.format(Locale.ROOT, "from %d profiled rank(s): GPU breakdown as Holistic Trace Analysis "
                + "(last ProfilerStep dropped), MFU = model FLOPs per rank per step / (mean steady step time x peak)",
                ranks.size());
        MfuDetails details = new MfuDetails(mfu, raw, "profile " + first.mfu().convention(), flops,
                first.mfu().peakFlops(), first.mfu().precision(), first.device(), steady, seconds, rule,
                MfuDetails.PROFILE, null);
        return new MeasuredModelLayer(mfu, losses, details, scope(ranks, steady));
    }

    private static MeasuredScope scope(List<RankProfile> ranks, int steady) {
        long start = ranks.stream().mapToLong(RankProfile::startEpochUs).min().orElse(Times.UNKNOWN);
        long end = ranks.stream().mapToLong(RankProfile::endEpochUs).max().orElse(Times.UNKNOWN);
        int world = ranks.stream().mapToInt(RankProfile::worldSize).max().orElse(0);
        return new MeasuredScope(ranks.stream().map(RankProfile::file).distinct().toList(), start, end,
                ranks.get(0).device(), world, steady, List.of());
    }
}
