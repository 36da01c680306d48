package dev.goodput.core.derive;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Times;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.MfuDetails;
import dev.goodput.core.report.StepStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives the three goodputs of a run over a window: partitions the window into productive and lost
 * intervals, adds them up per cause in accelerator-time, measures MFU on steady-state steps and what slow
 * steps took above the typical step.
 * See docs/derivation.md for every rule.
 */
public final class GoodputDeriver {
    private GoodputDeriver() {
    }

    public static Derivation derive(Run run, DerivationSettings settings) {
        List<Problem> problems = new ArrayList<>(run.problems());
        int capacity = capacity(run);
        AttemptResolver.Result resolved = AttemptResolver.resolve(run, capacity);
        problems.addAll(resolved.problems());
        List<ResolvedAttempt> attempts = resolved.attempts();
        Window w = settings.window();
        if (w == null) {
            OutlierTimes.Cut cut = OutlierTimes.of(run);
            problems.addAll(cut.problems());
            w = defaultWindow(run, attempts, cut);
        }
        StepPlan plan = StepPlan.plan(run.steps(), resolved.stepAttempt(), attempts);
        Window window = w;
        Fork<StepStats> stepStats = Fork.of(run.steps().size(),
                () -> StepStatsCalculator.compute(run.steps(), plan, window, settings.outlierMads()));
        boolean evalProductive = settings.evalProductive() != null ? settings.evalProductive()
                : Boolean.TRUE.equals(run.metadata().evalProductive());
        List<Claim> claims = ClaimBuilder.build(run, attempts, plan, w, capacity, evalProductive, problems);
        List<Interval> intervals = PartitionSweep.sweep(claims, w);
        SteadyState.Selection selection = SteadyState.select(run.steps(), plan, claims, w, settings.warmupSteps(),
                settings.outlierMads(), run.metadata().tokensPerStep(), capacity);
        String rule = String.format(Locale.ROOT, SteadyState.RULE, settings.warmupSteps(), settings.outlierMads(),
                selection.slow().perToken() ? " and per token" : "");
        if (settings.measuredModel() != null) {
            problems.addAll(MeasuredScopeCheck.check(settings.measuredModel().scope(), run, w, attempts));
        }
        MfuDetails mfu = settings.measuredModel() != null ? settings.measuredModel().details()
                : MfuCalculator.compute(run.metadata(), settings.peakOverride(), run.steps(), plan, selection.steady(),
                rule, problems);
        StepStats steps = stepStats.join();
        GoodputReport report = ReportBuilder.forDerivation(run, w, capacity, mfu, settings.measuredModel(),
                selection.slow(), steps, RestartCosts.compute(run, attempts, plan, w,
                        ReliabilityCalculator.lostIn(intervals)), problems)
                .build(CauseLedger.of(intervals, capacity), ReliabilityCalculator.compute(attempts, w, intervals),
                        intervals.size());
        return new Derivation(run, w, intervals, attempts, selection.slow(), report);
    }

    /** The run's accelerator count, else the largest allocation of any attempt, else 1. */
    static int capacity(Run run) {
        if (run.metadata().acceleratorCount() > 0) {
            return run.metadata().acceleratorCount();
        }
        int max = 1;
        for (var a : run.attempts()) {
            max = Math.max(max, a.allocated());
        }
        return max;
    }

    /**
     * First job start (or first event) to the last event; a queue wait logged up to the first logged job start (the
     * first job's submission → start, as a scheduler's record gives it) opens it, so that wait is inside. Times far
     * from all the others ({@link OutlierTimes}) are left out.
     */
    public static Window defaultWindow(Run run, List<ResolvedAttempt> attempts) {
        return defaultWindow(run, attempts, OutlierTimes.of(run));
    }

    private static Window defaultWindow(Run run, List<ResolvedAttempt> attempts, OutlierTimes.Cut cut) {
        long first = attempts.isEmpty() ? run.firstEventUs() : attempts.get(0).startUs();
        long last = run.lastEventUs();
        if (first == Times.UNKNOWN) {
            return new Window(0, 0);
        }
        first = cut.clamp(first);
        if (!attempts.isEmpty() && !attempts.get(0).inferred()) {
            long opened = first;
            for (var d : run.downtimes()) {
                if (d.kind() == dev.goodput.core.model.DowntimeKind.QUEUE && d.endUs() == first) {
                    opened = Math.min(opened, d.startUs());
                }
            }
            first = opened;
        }
        for (ResolvedAttempt a : attempts) {
            last = Math.max(last, a.endUs());
        }
        last = cut.clamp(last);
        return new Window(first, Math.max(first, last));
    }
}
