package dev.goodput.core.derive;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;
import dev.goodput.core.report.HumanFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings when a profile that measures the model layer may not be the run's (docs/derivation.md, "Where the MFU
 * comes from"): its steps lie outside the measurement window, its world size differs from the run's, or its MFU
 * rests on fewer than {@link #MIN_STEADY_STEPS} steady steps; with what the profiles' side found (another
 * accelerator: {@link MeasuredScope#warnings()}). The profile is still used: the user gave it;
 * the warning says what to check.
 */
final class MeasuredScopeCheck {
    static final int MIN_STEADY_STEPS = 3;
    /** Before 2001: a trace without a wall-clock base time, whose times cannot be placed on the run's. */
    private static final long PLAUSIBLE_EPOCH_US = 978_307_200L * 1_000_000L;

    private MeasuredScopeCheck() {
    }

    static List<Problem> check(MeasuredScope s, Run run, Window w, List<ResolvedAttempt> attempts) {
        List<Problem> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        Source where = new Source(s.files().isEmpty() ? "(profile)" : s.files().get(0), 0);
        String what = s.files().size() == 1 ? "the profile" : "the profiles";
        String whose = s.files().size() == 1 ? "the profile's" : "the profiles'";
        boolean placed = s.startUs() != Times.UNKNOWN && s.endUs() != Times.UNKNOWN && s.startUs() >= PLAUSIBLE_EPOCH_US;
        if (placed && w.endUs() > w.startUs() && (s.endUs() <= w.startUs() || s.startUs() >= w.endUs())) {
            out.add(Problem.warning(where, whose + " steps (" + HumanFormat.iso(s.startUs()) + " .. "
                    + HumanFormat.iso(s.endUs()) + ") lie outside the measurement window (" + HumanFormat.iso(w.startUs())
                    + " .. " + HumanFormat.iso(w.endUs()) + "): the model layer is measured on another time, perhaps "
                    + "another job"));
        }
        out.addAll(s.warnings());
        int inUse = inUse(run, attempts);
        if (s.worldSize() > 0 && inUse > 0 && s.worldSize() != inUse) {
            out.add(Problem.warning(where, whose + " job had " + s.worldSize() + " ranks, the run " + inUse
                    + " accelerators in use: the model layer may be measured on another job"));
        }
        if (s.steadySteps() < MIN_STEADY_STEPS) {
            out.add(Problem.warning(where, "the MFU from " + what + " rests on " + s.steadySteps() + " steady step"
                    + (s.steadySteps() == 1 ? "" : "s") + " (fewer than " + MIN_STEADY_STEPS + "): profile more "
                    + "steps for a figure to rely on"));
        }
        return out;
    }

    /** The accelerators the run trains on: the largest in-use count of an attempt, else the run's. */
    private static int inUse(Run run, List<ResolvedAttempt> attempts) {
        int max = 0;
        for (ResolvedAttempt a : attempts) {
            max = Math.max(max, a.inUse());
        }
        return max > 0 ? max : run.metadata().acceleratorCount();
    }
}
