package dev.goodput.core.profile.analysis;

import dev.goodput.core.model.Problem;

import java.util.List;
import java.util.Map;

/**
 * Everything the profile says about one rank: HTA's four breakdowns over the analysed steps, the
 * per-step view HTA lacks, exposed communication, MFU and the split of (1 − MFU) into causes.
 *
 * @param steadyTemporal  the temporal breakdown over the steady-state steps only (equal to {@code temporal}
 *                        when every analysed step is steady)
 * @param startEpochUs    when the analysed steps began, epoch µs (trace base time + trace time), for placing the
 *                        profile on a run's timeline
 * @param endEpochUs      when they ended
 * @param worldSize       ranks in the profiled job as the trace says (its distributed info), or 0 when unknown
 * @param collectiveStart mean start of communication kernels within their step, as a fraction of the
 *                        step's GPU span (late = this rank reaches collectives last: a straggler); NaN
 *                        without communication
 */
public record RankProfile(String file, int rank, String device, List<Long> steps, long startEpochUs, long endEpochUs,
                          int worldSize,
                          TemporalBreakdown temporal,
                          TemporalBreakdown steadyTemporal, CommCompOverlap overlap, Map<String, Long> kernelTypes,
                          List<IdleTimeBreakdown.Row> idle, List<StepBreakdown> perStep, double meanStepSeconds,
                          double collectiveStart, ProfileMfu mfu, ModelBadput modelBadput, List<Problem> problems) {
}
