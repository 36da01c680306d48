package dev.goodput.core.profile.report;

import dev.goodput.core.profile.analysis.KernelTypeBreakdown;
import dev.goodput.core.profile.analysis.RankProfile;

import java.util.Comparator;
import java.util.List;

/**
 * The profile report over all loaded ranks: each rank's analysis, HTA's kernel-type table summed over
 * ranks, and the ranks ordered as straggler suspects.
 *
 * @param slowestRanks  ranks by mean steady-state step time, slowest first
 * @param lateCollectiveRanks ranks by the mean normalised start of their communication kernels, latest first
 *                      (the rank the others wait for in each collective)
 */
public record ProfileReport(List<RankProfile> ranks, List<KernelTypeBreakdown.Row> kernelTypes,
                            List<Integer> slowestRanks, List<Integer> lateCollectiveRanks) {

    public static ProfileReport of(List<RankProfile> ranks) {
        List<KernelTypeBreakdown.Row> types = KernelTypeBreakdown.combine(ranks.stream()
                .map(RankProfile::kernelTypes).toList());
        List<Integer> slowest = ranks.stream()
                .sorted(Comparator.comparingDouble(RankProfile::meanStepSeconds).reversed())
                .map(RankProfile::rank).toList();
        List<Integer> late = ranks.stream().filter(r -> !Double.isNaN(r.collectiveStart()))
                .sorted(Comparator.comparingDouble(RankProfile::collectiveStart).reversed())
                .map(RankProfile::rank).toList();
        return new ProfileReport(List.copyOf(ranks), types, slowest, late);
    }

    /** Mean MFU over the ranks that have one, or null. */
    public Double meanMfu() {
        return ranks.stream().filter(r -> r.mfu().mfu() != null).mapToDouble(r -> r.mfu().mfu()).average()
                .stream().boxed().findFirst().orElse(null);
    }
}
