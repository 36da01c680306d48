package dev.goodput.core.derive;

import dev.goodput.core.model.Problem;

import java.util.List;

/**
 * What a measured model layer was measured on, so a profile of another job or another time is not taken silently
 * for the run's ({@link MeasuredScopeCheck}).
 *
 * @param files       the profiles
 * @param startUs     when the profiled steps began, epoch µs, or {@link dev.goodput.core.model.Times#UNKNOWN} when
 *                    the traces carry no wall-clock base time
 * @param endUs       when they ended, or UNKNOWN
 * @param device      the profiled device's name, or null
 * @param worldSize   ranks of the profiled job, or 0 when the traces do not say
 * @param steadySteps steady-state steps the MFU rests on, over all ranks
 * @param warnings    what the profiles' side found against the run (e.g. another accelerator), reported with the
 *                    derivation's own checks
 */
public record MeasuredScope(List<String> files, long startUs, long endUs, String device, int worldSize,
                            int steadySteps, List<Problem> warnings) {
    public MeasuredScope {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    public MeasuredScope withWarning(Problem p) {
        List<Problem> all = new java.util.ArrayList<>(warnings);
        all.add(p);
        return new MeasuredScope(files, startUs, endUs, device, worldSize, steadySteps, all);
    }
}
