package dev.goodput.core.derive;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.Goodputs;
import dev.goodput.core.report.LayerShare;
import dev.goodput.core.report.MfuDetails;
import dev.goodput.core.report.WaterfallStep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Derives the three goodputs of a run over a window: partitions the window into productive and lost
 * intervals, adds them up per cause in accelerator-time, and measures MFU on steady-state steps.
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
        Window w = settings.window() != null ? settings.window() : defaultWindow(run, attempts);
        StepPlan plan = StepPlan.plan(run.steps(), resolved.stepAttempt(), attempts);
        boolean evalProductive = settings.evalProductive() != null ? settings.evalProductive()
                : Boolean.TRUE.equals(run.metadata().evalProductive());
        List<Claim> claims = ClaimBuilder.build(run, attempts, plan, w, capacity, evalProductive, problems);
        List<Interval> intervals = PartitionSweep.sweep(claims, w);
        int[] steady = SteadyState.select(run.steps(), plan, claims, w, settings.warmupSteps(),
                settings.outlierMads());
        String rule = String.format(Locale.ROOT, SteadyState.RULE, settings.warmupSteps(), settings.outlierMads());
        MfuDetails mfu = settings.measuredModel() != null ? settings.measuredModel().details()
                : MfuCalculator.compute(run.metadata(), settings.peakOverride(), run.steps(), plan, steady, attempts,
                rule, problems);
        CauseLedger ledger = CauseLedger.of(intervals, capacity);
        GoodputReport report = report(run, w, capacity, ledger, mfu, plan, attempts, intervals.size(), settings,
                problems);
        return new Derivation(run, w, intervals, attempts, report);
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

    /** First job start (or first event) to the last event. */
    public static Window defaultWindow(Run run, List<ResolvedAttempt> attempts) {
        long first = attempts.isEmpty() ? run.firstEventUs() : attempts.get(0).startUs();
        long last = run.lastEventUs();
        if (first == Times.UNKNOWN) {
            return new Window(0, 0);
        }
        for (ResolvedAttempt a : attempts) {
            last = Math.max(last, a.endUs());
        }
        return new Window(first, Math.max(first, last));
    }

    private static GoodputReport report(Run run, Window w, int capacity, CauseLedger ledger, MfuDetails mfu,
                                        StepPlan plan, List<ResolvedAttempt> attempts, int intervalCount,
                                        DerivationSettings settings, List<Problem> problems) {
        double capUs = (double) capacity; // accelerator-µs per window-µs
        double windowAccUs = (double) w.durationUs() * capacity;
        double availableAcc = Math.max(0, windowAccUs - ledger.layerAccUs(Layer.INFRA));
        Double infra = null;
        Double framework = null;
        if (w.durationUs() == 0) {
            problems.add(Problem.warning(Source.DERIVED, "the window is empty: no goodput can be measured"));
        } else {
            infra = Math.min(1, availableAcc / windowAccUs);
            if (availableAcc > 0) {
                framework = Math.min(1, ledger.productiveAccUs / availableAcc);
            } else {
                problems.add(Problem.warning(Source.DERIVED, "no job was up and training in the window: "
                        + "framework goodput is undefined"));
            }
        }
        Double model = mfu.mfu();
        Double overall = infra == null || framework == null || model == null ? null : infra * framework * model;
        double productiveSec = ledger.productiveAccUs / capUs / 1e6;
        double availableSec = availableAcc / capUs / 1e6;
        double windowSec = w.durationUs() / 1e6;

        List<CauseShare> badput = new ArrayList<>();
        for (CauseLedger.Entry e : ledger.lost.values()) {
            badput.add(share(e.cause.layer(), e.cause.id(), e.cause.label(), e.accUs / capUs / 1e6, windowSec,
                    capacity, e.intervals));
        }
        if (model != null && settings.measuredModel() != null) {
            for (var loss : settings.measuredModel().losses().entrySet()) {
                badput.add(share(Layer.MODEL, loss.getKey().id(), loss.getKey().label(),
                        productiveSec * loss.getValue(), windowSec, capacity, 0));
            }
        } else if (model != null) {
            badput.add(share(Layer.MODEL, CauseCatalog.MFU_GAP.id(), CauseCatalog.MFU_GAP.label(),
                    productiveSec * (1 - model), windowSec, capacity, 0));
        }
        badput.sort(Comparator.comparing(CauseShare::layer).thenComparing(Comparator.comparingDouble(
                CauseShare::seconds).reversed()).thenComparing(CauseShare::cause));

        List<LayerShare> layers = new ArrayList<>();
        for (Layer l : Layer.values()) {
            double sec = badput.stream().filter(b -> b.layer() == l).mapToDouble(CauseShare::seconds).sum();
            layers.add(new LayerShare(l, sec, windowSec > 0 ? sec / windowSec : 0));
        }
        List<WaterfallStep> waterfall = waterfall(badput, windowSec, availableSec, productiveSec,
                infra == null ? 0 : infra, framework == null ? 0 : framework, overall, model);
        return new GoodputReport(run.metadata().name(), w.startUs(), w.endUs(), capacity,
                new Goodputs(infra, framework, model, overall), availableSec, productiveSec, List.copyOf(badput),
                List.copyOf(layers), waterfall, ReliabilityCalculator.compute(attempts, w),
                StepStatsCalculator.compute(run.steps(), plan, w, settings.outlierMads()), mfu, intervalCount,
                run.inputFiles(), List.copyOf(problems));
    }

    private static CauseShare share(Layer layer, String id, String label, double seconds, double windowSec,
                                    int capacity, int intervals) {
        return new CauseShare(layer, id, label, seconds, windowSec > 0 ? seconds / windowSec : 0,
                seconds * capacity / 3600.0, intervals);
    }

    /** 100% → each infra cause → available → each framework cause → productive → model loss → goodput. */
    private static List<WaterfallStep> waterfall(List<CauseShare> badput, double windowSec, double availableSec,
                                                 double productiveSec, double infra, double framework,
                                                 Double overall, Double model) {
        List<WaterfallStep> steps = new ArrayList<>();
        steps.add(new WaterfallStep("start", "Window", null, null, 1.0, windowSec, 1.0));
        losses(steps, badput, Layer.INFRA, 1.0);
        steps.add(new WaterfallStep("subtotal", "Available", null, null, infra, availableSec, infra));
        losses(steps, badput, Layer.FRAMEWORK, infra);
        double productiveFraction = infra * framework;
        steps.add(new WaterfallStep("subtotal", "Productive", null, null, productiveFraction, productiveSec,
                productiveFraction));
        if (model != null && overall != null) {
            losses(steps, badput, Layer.MODEL, productiveFraction);
            steps.add(new WaterfallStep("end", "Goodput", null, null, overall, productiveSec * model, overall));
        }
        return List.copyOf(steps);
    }

    private static void losses(List<WaterfallStep> steps, List<CauseShare> badput, Layer layer, double from) {
        double remaining = from;
        for (CauseShare b : badput) {
            if (b.layer() == layer) {
                remaining -= b.fraction();
                steps.add(new WaterfallStep("loss", b.label(), layer, b.cause(), b.fraction(), b.seconds(),
                        Math.max(0, remaining)));
            }
        }
    }
}
