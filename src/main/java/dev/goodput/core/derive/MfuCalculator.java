package dev.goodput.core.derive;

import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.report.MfuDetails;

import java.util.List;

/**
 * Model FLOPs utilisation on steady-state steps:
 * Σ model FLOPs of the steps ÷ (Σ step seconds × accelerators in use × peak FLOP/s per accelerator), with the
 * FLOPs from the run log's header; or, when the run says the trainer's own per-step figure is the one to use
 * ({@link ReportedMfu}), from that.
 */
final class MfuCalculator {
    private MfuCalculator() {
    }

    static MfuDetails compute(RunMetadata m, double peakOverride, StepTable s, StepPlan plan, int[] steady, String rule,
                              List<Problem> problems) {
        double peak = !Double.isNaN(peakOverride) && peakOverride > 0 ? peakOverride : m.peakFlopsPerAccelerator();
        boolean hasPeak = !Double.isNaN(peak) && peak > 0;
        if (ReportedMfu.applies(m, s, steady)) {
            return ReportedMfu.compute(m, hasPeak ? peak : Double.NaN, s, plan, steady, rule, problems);
        }
        FlopConvention conv = convention(m);
        double steadySeconds = 0;
        double flops = 0;
        double capacitySeconds = 0;
        boolean flopsKnown = conv != null;
        for (int row : steady) {
            double sec = (plan.end[row] - s.startUs(row)) / 1e6;
            steadySeconds += sec;
            double f = conv == null ? Double.NaN : stepFlops(m, conv, s.tokens(row));
            if (Double.isNaN(f)) {
                flopsKnown = false;
            }
            flops += f;
            capacitySeconds += sec * plan.inUse(row);
        }
        Double flopsPerStep = null;
        if (conv != null) {
            double f = stepFlops(m, conv, -1);
            if (!Double.isNaN(f)) {
                flopsPerStep = f;
            } else if (flopsKnown && steady.length > 0) {
                flopsPerStep = flops / steady.length;
            }
        }
        Double mfu = null;
        Double raw = null;
        if (conv == null) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: nothing gives the model's FLOPs "
                    + "(the trainer's log reports no FLOP/s or MFU of its own; a run log would need flops_per_step, "
                    + "or parameters with tokens per step); open a profiler trace beside the logs to measure it"));
        } else if (!hasPeak) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: no peak FLOP/s per accelerator "
                    + "(set peak_flops in the run header or --peak-flops)"));
        } else if (steady.length == 0) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: no steady-state steps in the window"));
        } else if (!flopsKnown) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: some steady-state steps have no "
                    + "token count for the " + conv.id() + " convention"));
        } else {
            raw = flops / (capacitySeconds * peak);
            mfu = Math.max(0, Math.min(1, raw));
            if (raw > 1) {
                problems.add(Problem.warning(Source.DERIVED, String.format(java.util.Locale.ROOT,
                        "MFU computes to %.1f%% (over 100%%): the peak may be a sparse or lower-precision figure, "
                                + "or FLOPs per step too high; model goodput capped at 100%%", raw * 100)));
            }
        }
        return new MfuDetails(mfu, raw, conv == null ? null : conv.id(), flopsPerStep, hasPeak ? peak : null,
                m.peakPrecision(), m.acceleratorType(), steady.length, steadySeconds, rule,
                conv == null ? null : MfuDetails.RUN_LOG, null);
    }

    /** The convention the log names, else the most specific one its numbers allow. */
    static FlopConvention convention(RunMetadata m) {
        boolean given = positive(m.flopsPerStep());
        boolean params = positive(m.parameters());
        boolean attention = m.layers() > 0 && m.heads() > 0 && m.headDim() > 0 && m.sequenceLength() > 0;
        if (m.flopConvention() != null) {
            return switch (m.flopConvention()) {
                case GIVEN -> given ? FlopConvention.GIVEN : null;
                case SIX_N_D -> params ? FlopConvention.SIX_N_D : null;
                case PALM -> params && attention ? FlopConvention.PALM : null;
                case REPORTED -> null; // no FLOPs per step: the steps' own rates ({@link ReportedMfu})
            };
        }
        if (given) {
            return FlopConvention.GIVEN;
        }
        if (params && attention) {
            return FlopConvention.PALM;
        }
        return params ? FlopConvention.SIX_N_D : null;
    }

    /** FLOPs of one step with {@code tokens} tokens (-1: the run's tokens per step); NaN when unknown. */
    static double stepFlops(RunMetadata m, FlopConvention conv, long tokens) {
        double t = tokens >= 0 ? tokens : m.tokensPerStep();
        return switch (conv) {
            case GIVEN -> m.flopsPerStep();
            case SIX_N_D -> positive(t) ? 6.0 * m.parameters() * t : Double.NaN;
            case REPORTED -> Double.NaN;
            case PALM -> positive(t) ? t * (6.0 * m.parameters()
                    + 12.0 * m.layers() * m.heads() * m.headDim() * (double) m.sequenceLength()) : Double.NaN;
        };
    }

    private static boolean positive(double v) {
        return !Double.isNaN(v) && v > 0;
    }
}
