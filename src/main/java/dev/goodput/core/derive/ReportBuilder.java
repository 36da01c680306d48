package dev.goodput.core.derive;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.Goodputs;
import dev.goodput.core.report.LayerShare;
import dev.goodput.core.report.MfuDetails;
import dev.goodput.core.report.Reliability;
import dev.goodput.core.report.RestartCost;
import dev.goodput.core.report.SlowStepCost;
import dev.goodput.core.report.StepStats;
import dev.goodput.core.report.WaterfallStep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a {@link CauseLedger} into a {@link GoodputReport}: goodputs, badput per cause, layers, waterfall.
 * Everything else in the report (MFU, slow steps and the model layer's shares of productive time, step
 * statistics, the run's name and files, warnings about the input) does not depend on how lost time is
 * attributed, so it is fixed when the builder is made: from the derivation, or from a report derived before,
 * which is how an attribution overlay re-builds the report after each edit without deriving again.
 */
public final class ReportBuilder {
    static final Problem EMPTY_WINDOW = Problem.warning(Source.DERIVED,
            "the window is empty: no goodput can be measured");
    static final Problem NOTHING_AVAILABLE = Problem.warning(Source.DERIVED,
            "no job was up and training in the window: framework goodput is undefined");

    /**
     * The model layer's badput (window-equivalent seconds): the slow steps' excess, and the MFU gap of the rest of
     * productive time.
     */
    @FunctionalInterface
    private interface ModelLayer {
        List<CauseShare> shares(double productiveSec, double slowSec, double windowSec);
    }

    private final String runName;
    private final Window window;
    private final int capacity;
    private final MfuDetails mfu;
    private final SlowStepCost slowSteps;
    private final ModelLayer modelLayer;
    private final StepStats steps;
    private final List<String> inputFiles;
    private final List<RestartCost> restarts;
    private final List<Problem> problems;

    private ReportBuilder(String runName, Window window, int capacity, MfuDetails mfu, SlowStepCost slowSteps,
                          ModelLayer modelLayer, StepStats steps, List<String> inputFiles, List<RestartCost> restarts,
                          List<Problem> problems) {
        this.runName = runName;
        this.window = window;
        this.capacity = capacity;
        this.mfu = mfu;
        this.slowSteps = slowSteps;
        this.modelLayer = modelLayer;
        this.steps = steps;
        this.inputFiles = List.copyOf(inputFiles);
        this.restarts = List.copyOf(restarts);
        this.problems = List.copyOf(problems);
    }

    /** @param problems what was found so far; the goodputs' own warnings are added to a copy */
    static ReportBuilder forDerivation(Run run, Window w, int capacity, MfuDetails mfu, MeasuredModelLayer measured,
                                       SlowSteps slow, StepStats steps, List<RestartCost> restarts,
                                       List<Problem> problems) {
        Double model = mfu.mfu();
        SlowStepCost slowSteps = new SlowStepCost(slow.count(), slow.acceleratorUs() / capacity / 1e6,
                slow.typicalUs() / 1e6, slow.perToken());
        ModelLayer modelLayer = (productiveSec, slowSec, windowSec) -> {
            List<CauseShare> shares = new ArrayList<>();
            if (slowSteps.steps() > 0) {
                // Known from the step log alone, so reported even when the MFU is not.
                shares.add(share(Layer.MODEL, CauseCatalog.SLOW_STEPS.id(), CauseCatalog.SLOW_STEPS.label(), slowSec,
                        windowSec, capacity, slowSteps.steps()));
            }
            // The rest of productive time ran at the steady-state speed the MFU was measured at.
            double steadySec = productiveSec - slowSec;
            if (model != null && measured != null) {
                for (var loss : measured.losses().entrySet()) {
                    shares.add(share(Layer.MODEL, loss.getKey().id(), loss.getKey().label(),
                            steadySec * loss.getValue(), windowSec, capacity, 0));
                }
            } else if (model != null) {
                shares.add(share(Layer.MODEL, CauseCatalog.MFU_GAP.id(), CauseCatalog.MFU_GAP.label(),
                        steadySec * (1 - model), windowSec, capacity, 0));
            }
            return shares;
        };
        return new ReportBuilder(run.metadata().name(), w, capacity, mfu, slowSteps, modelLayer, steps,
                run.inputFiles(), restarts, problems);
    }

    /**
     * For re-attributing lost time of the run {@code base} was derived for: productive time, and so the
     * model layer's shares of it, stay as they are; only the ledger and the reliability change (the restart
     * records describe the imported faults and stay too).
     */
    public static ReportBuilder reattributing(GoodputReport base) {
        List<CauseShare> model = base.badput().stream().filter(b -> b.layer() == Layer.MODEL).toList();
        List<Problem> inputProblems = base.warnings().stream()
                .filter(p -> !p.equals(EMPTY_WINDOW) && !p.equals(NOTHING_AVAILABLE)).toList();
        return new ReportBuilder(base.runName(), new Window(base.windowStartUs(), base.windowEndUs()),
                base.accelerators(), base.mfu(), base.slowSteps(), (productiveSec, slowSec, windowSec) -> model,
                base.steps(), base.inputFiles(), base.restarts(), inputProblems);
    }

    public GoodputReport build(CauseLedger ledger, Reliability reliability, int intervalCount) {
        List<Problem> warnings = new ArrayList<>(problems);
        double capUs = (double) capacity; // accelerator-µs per window-µs
        double windowAccUs = (double) window.durationUs() * capacity;
        double availableAcc = Math.max(0, windowAccUs - ledger.layerAccUs(Layer.INFRA));
        double productiveAccUs = ledger.productiveAccUs();
        Double infra = null;
        Double framework = null;
        if (window.durationUs() == 0) {
            warnings.add(EMPTY_WINDOW);
        } else {
            infra = Math.min(1, availableAcc / windowAccUs);
            if (availableAcc > 0) {
                framework = Math.min(1, productiveAccUs / availableAcc);
            } else {
                warnings.add(NOTHING_AVAILABLE);
            }
        }
        double productiveSec = productiveAccUs / capUs / 1e6;
        // At most all of productive time: steps a log says overlapped would otherwise count twice.
        double slowSec = Math.min(slowSteps.seconds(), productiveSec);
        Double model = modelGoodput(productiveSec, slowSec);
        Double overall = infra == null || framework == null || model == null ? null : infra * framework * model;
        double availableSec = availableAcc / capUs / 1e6;
        double windowSec = window.durationUs() / 1e6;

        List<CauseShare> badput = new ArrayList<>();
        for (CauseLedger.Entry e : ledger.lost()) {
            badput.add(share(e.cause.layer(), e.cause.id(), e.cause.label(), e.accUs.value() / capUs / 1e6,
                    windowSec, capacity, e.intervals));
        }
        badput.addAll(modelLayer.shares(productiveSec, slowSec, windowSec));
        badput.sort(Comparator.comparing(CauseShare::layer).thenComparing(Comparator.comparingDouble(
                CauseShare::seconds).reversed()).thenComparing(CauseShare::cause));

        List<LayerShare> layers = new ArrayList<>();
        for (Layer l : Layer.values()) {
            double sec = badput.stream().filter(b -> b.layer() == l).mapToDouble(CauseShare::seconds).sum();
            layers.add(new LayerShare(l, sec, windowSec > 0 ? sec / windowSec : 0));
        }
        List<WaterfallStep> waterfall = waterfall(badput, windowSec, availableSec, productiveSec,
                infra == null ? 0 : infra, framework == null ? 0 : framework, overall, model);
        return new GoodputReport(runName, window.startUs(), window.endUs(), capacity,
                new Goodputs(infra, framework, model, overall), availableSec, productiveSec, List.copyOf(badput),
                List.copyOf(layers), waterfall, reliability, steps, new SlowStepCost(slowSteps.steps(), slowSec,
                slowSteps.typicalSeconds(), slowSteps.perToken()), mfu, intervalCount, inputFiles,
                List.copyOf(warnings), restarts);
    }

    /**
     * MFU × (productive − slow-step excess) ÷ productive: the MFU holds for the time steps ran at their typical
     * speed, and the slow steps' excess made nothing. So overall = (productive − excess) × MFU ÷ capacity.
     */
    private Double modelGoodput(double productiveSec, double slowSec) {
        Double m = mfu.mfu();
        if (m == null || productiveSec <= 0) {
            return m;
        }
        return m * ((productiveSec - slowSec) / productiveSec);
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
