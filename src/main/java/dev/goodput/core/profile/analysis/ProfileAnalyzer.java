package dev.goodput.core.profile.analysis;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import dev.goodput.core.profile.KernelClass;
import dev.goodput.core.profile.OpFlopCounter;
import dev.goodput.core.profile.PeakFlops;
import dev.goodput.core.profile.PeakFlopsTable;
import dev.goodput.core.profile.ProfileTrace;
import dev.goodput.core.profile.StepAnnotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Runs every per-rank analysis over one trace. */
public final class ProfileAnalyzer {
    /** Steps slower than median + max(3 × 1.4826 × MAD, 5%) are not steady state (as for run logs). */
    private static final double OUTLIER_MADS = 3.0;

    private ProfileAnalyzer() {
    }

    public static RankProfile analyze(ProfileTrace t, ProfileSettings settings) {
        List<Problem> problems = new ArrayList<>(t.problems());
        GpuSelection all = GpuSelection.of(t, settings.rounding());
        Source file = new Source(t.file(), 0);
        IdleTimeBreakdown.overlaps(all).forEach(o -> problems.add(Problem.warning(file, o.message())));
        TemporalBreakdown temporal = TemporalBreakdown.of(all);
        CommCompOverlap overlap = CommCompOverlap.of(all);
        List<StepAnnotation> analysed = t.cpuSteps().stream().filter(s -> all.steps().contains(s.step())).toList();
        List<GpuSelection> stepEvents = all.launchedIn(analysed.stream()
                .map(s -> new long[]{s.startNs(), s.endNs()}).toList());
        List<StepBreakdown> perStep = perStep(analysed, stepEvents);
        double meanStep = perStep.stream().filter(StepBreakdown::steady).mapToLong(StepBreakdown::wallNs).average()
                .orElse(temporal.spanNs()) / 1e9;
        ProfileMfu mfu = mfu(t, settings, analysed, meanStep, problems);
        ModelBadput badput = mfu.mfu() == null ? null : ModelBadput.of(temporal, overlap.exposedNs(), mfu.mfu());
        TemporalBreakdown steady = steadyOnly(analysed, perStep, all, temporal);
        long first = analysed.isEmpty() ? all.baseNs() : analysed.get(0).startNs();
        long last = analysed.isEmpty() ? all.baseNs() + temporal.spanNs() : analysed.get(analysed.size() - 1).endNs();
        return new RankProfile(t.file(), t.rank(), t.deviceName(), all.steps(), (t.baseTimeNs() + first) / 1000,
                (t.baseTimeNs() + last) / 1000, t.worldSize(), temporal, steady, overlap,
                KernelTypeBreakdown.of(all), IdleTimeBreakdown.of(all, IdleTimeBreakdown.DEFAULT_DELAY_NS), perStep,
                meanStep, collectiveStart(stepEvents), mfu, badput, List.copyOf(problems));
    }

    /** The analysed steps one by one: the kernels each launched, its wall time, steady or not. */
    private static List<StepBreakdown> perStep(List<StepAnnotation> steps, List<GpuSelection> events) {
        long[] walls = steps.stream().mapToLong(StepAnnotation::durationNs).toArray();
        double limit = slowLimit(walls);
        List<StepBreakdown> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepAnnotation s = steps.get(i);
            GpuSelection step = events.get(i);
            out.add(new StepBreakdown(s.step(), s.durationNs(), TemporalBreakdown.of(step),
                    CommCompOverlap.of(step).exposedNs(), s.durationNs() <= limit));
        }
        return List.copyOf(out);
    }

    /** The breakdown over the kernels the steady steps launched (one selection over their windows). */
    private static TemporalBreakdown steadyOnly(List<StepAnnotation> steps, List<StepBreakdown> perStep,
                                                GpuSelection all, TemporalBreakdown whole) {
        if (perStep.stream().allMatch(StepBreakdown::steady)) {
            return whole;
        }
        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (perStep.get(i).steady()) {
                windows.add(new long[]{steps.get(i).startNs(), steps.get(i).endNs()});
            }
        }
        long idle = 0;
        long compute = 0;
        long non = 0;
        long span = 0;
        for (GpuSelection s : all.launchedIn(windows)) {
            TemporalBreakdown b = TemporalBreakdown.of(s);
            idle += b.idleNs();
            compute += b.computeNs();
            non += b.nonComputeNs();
            span += b.spanNs();
        }
        return new TemporalBreakdown(idle, compute, non, span);
    }

    private static double slowLimit(long[] walls) {
        if (walls.length < 3) {
            return Double.MAX_VALUE; // too few steps to call one an outlier
        }
        long[] sorted = walls.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        double[] dev = Arrays.stream(sorted).mapToDouble(w -> Math.abs(w - median)).sorted().toArray();
        double mad = dev.length % 2 == 1 ? dev[dev.length / 2] : (dev[dev.length / 2 - 1] + dev[dev.length / 2]) / 2;
        return median + Math.max(OUTLIER_MADS * 1.4826 * mad, 0.05 * median);
    }

    private static ProfileMfu mfu(ProfileTrace t, ProfileSettings s, List<StepAnnotation> steps, double stepSec,
                                  List<Problem> problems) {
        Source src = new Source(t.file(), 0);
        Double flops = null;
        String convention = null;
        if (!Double.isNaN(s.flopsPerStep())) {
            int ranks = Math.max(1, t.worldSize());
            flops = s.flopsPerStep() / ranks;
            convention = (s.flopConvention() == null ? "given" : s.flopConvention()) + " / " + ranks + " ranks";
        } else if (!t.cpuOps().isEmpty() && !steps.isEmpty()) {
            // One pass over the analysed steps (leaf detection is over all ops: per-step calls would be O(n²)).
            long from = steps.stream().mapToLong(StepAnnotation::startNs).min().orElseThrow();
            long to = steps.stream().mapToLong(StepAnnotation::endNs).max().orElseThrow();
            OpFlopCounter.FlopCount c = OpFlopCounter.countLeafFlops(t.cpuOps(), from, to);
            if (c.totalFlops() > 0) {
                flops = c.totalFlops() / steps.size();
                convention = "trace-shapes";
                if (c.opsMissingShapes() > 0) {
                    problems.add(Problem.warning(src, c.opsMissingShapes() + " GEMM/attention/convolution ops lack "
                            + "usable shapes: FLOPs per step are a lower bound"));
                }
            }
        }
        Double peak = null;
        String peakSource = null;
        if (!Double.isNaN(s.peakFlops()) && s.peakFlops() > 0) {
            peak = s.peakFlops();
            peakSource = "override";
        } else if (t.deviceName() != null) {
            Optional<PeakFlops> p = PeakFlopsTable.lookup(t.deviceName(), s.precision());
            if (p.isPresent()) {
                peak = p.get().peakFlops();
                peakSource = p.get().device() + ": " + p.get().source();
            }
        }
        if (flops == null) {
            problems.add(Problem.warning(src, "MFU unknown: no model FLOPs per step (trace recorded without shapes; "
                    + "give --flops-per-step or a run log with them)"));
        }
        if (peak == null) {
            problems.add(Problem.warning(src, "MFU unknown: no peak FLOP/s for device \"" + t.deviceName()
                    + "\" at " + s.precision() + " (give --peak-flops)"));
        }
        Double mfu = null;
        Double raw = null;
        if (flops != null && peak != null && stepSec > 0) {
            raw = flops / (stepSec * peak);
            mfu = Math.min(1, raw);
            if (raw > 1) {
                problems.add(Problem.warning(src, String.format(java.util.Locale.ROOT, "MFU computes to %.1f%%: "
                        + "check the peak (dense, right precision) and the FLOPs per step", raw * 100)));
            }
        }
        return new ProfileMfu(mfu, raw, flops, convention, peak, peakSource, s.precision(), stepSec);
    }

    /** Mean start of communication kernels within their step's GPU span, 0 (first) .. 1 (last). */
    private static double collectiveStart(List<GpuSelection> steps) {
        double sum = 0;
        int n = 0;
        for (GpuSelection step : steps) {
            if (step.size() == 0) {
                continue;
            }
            long first = Arrays.stream(step.startNs()).min().orElse(0);
            long last = Arrays.stream(step.endNs()).max().orElse(0);
            for (int i = 0; i < step.size(); i++) {
                if (step.classes()[i] == KernelClass.COMMUNICATION && last > first) {
                    sum += (double) (step.startNs()[i] - first) / (last - first);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
