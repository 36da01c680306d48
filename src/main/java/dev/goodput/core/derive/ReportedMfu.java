package dev.goodput.core.derive;

import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.ReportedFlops;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.report.MfuDetails;

import java.util.List;
import java.util.Locale;

/**
 * MFU from the figure the trainer logged for each step (its model FLOP/s per accelerator, or its MFU times its
 * peak): Σ rate × d ÷ (Σ d × peak) over the steady-state steps that carry one, a duration-weighted mean of
 * rate ÷ peak. Used when the run says so ({@link FlopConvention#REPORTED}), or names no convention and gives no
 * FLOPs per step or parameters to count them from while its steps carry rates.
 */
final class ReportedMfu {
    private ReportedMfu() {
    }

    static boolean applies(RunMetadata m, StepTable s, int[] steady) {
        if (m.flopConvention() == FlopConvention.REPORTED) {
            return true;
        }
        if (m.flopConvention() != null || positive(m.flopsPerStep()) || positive(m.parameters())) {
            return false;
        }
        for (int row : steady) {
            if (!Double.isNaN(s.reportedFlopRate(row))) {
                return true;
            }
        }
        return false;
    }

    /** @param peak FLOP/s per accelerator (the trainer's own when it logged an MFU), or NaN when unknown */
    static MfuDetails compute(RunMetadata m, double peak, StepTable s, StepPlan plan, int[] steady, String rule,
                              List<Problem> problems) {
        ReportedFlops what = m.reportedFlops();
        String source = what != null && what.fromMfu() ? MfuDetails.TRAINER_MFU : MfuDetails.TRAINER_FLOPS;
        String figure = what == null ? null : what.figure();
        String named = figure == null ? "the trainer's per-step figure" : "the trainer's figure (" + figure + ")";
        double rateSeconds = 0;
        double seconds = 0;
        double modelFlops = 0;
        int used = 0;
        for (int row : steady) {
            double rate = s.reportedFlopRate(row);
            if (Double.isNaN(rate)) {
                continue;
            }
            double d = (plan.end[row] - s.startUs(row)) / 1e6;
            rateSeconds += rate * d;
            seconds += d;
            modelFlops += rate * d * plan.inUse(row);
            used++;
        }
        boolean hasPeak = positive(peak);
        Double mfu = null;
        Double raw = null;
        if (steady.length == 0) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: no steady-state steps in the window"));
        } else if (used == 0) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: no steady-state step carries "
                    + named));
        } else if (!hasPeak) {
            problems.add(Problem.warning(Source.DERIVED, "model goodput unknown: " + named + " is FLOP/s; its MFU "
                    + "needs the peak FLOP/s per accelerator (--peak-flops, or an accelerator type whose peak is "
                    + "known)"));
        } else {
            raw = rateSeconds / (seconds * peak);
            mfu = Math.max(0, Math.min(1, raw));
            if (used * 2 < steady.length) {
                problems.add(Problem.warning(Source.DERIVED, String.format(Locale.ROOT, "only %d of %d steady-state "
                        + "steps carry %s: the MFU is measured on those", used, steady.length, named)));
            }
            if (raw > 1) {
                problems.add(Problem.warning(Source.DERIVED, String.format(Locale.ROOT, "MFU computes to %.1f%% "
                        + "(over 100%%) from %s: the peak may be a sparse or lower-precision figure; model goodput "
                        + "capped at 100%%", raw * 100, named)));
            }
        }
        if (what != null && what.hardware() && used > 0) {
            problems.add(Problem.warning(Source.DERIVED, named + " counts activation recomputation (hardware "
                    + "FLOPs): the MFU from it is overstated (it is closer to HFU)"));
        }
        Double flopsPerStep = used > 0 ? modelFlops / used : null;
        return new MfuDetails(mfu, raw, FlopConvention.REPORTED.id(), flopsPerStep, hasPeak ? peak : null,
                m.peakPrecision(), m.acceleratorType(), used, seconds, rule, source, figure);
    }

    private static boolean positive(double v) {
        return !Double.isNaN(v) && v > 0;
    }
}
