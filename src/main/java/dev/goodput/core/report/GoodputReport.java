package dev.goodput.core.report;

import dev.goodput.core.model.Problem;

import java.util.List;

/**
 * Everything the derivation concludes about a run over one window; the CLI and views render it. {@code restarts}
 * are the disruptions and planned restarts in the window with what each cost.
 */
public record GoodputReport(
        String runName,
        long windowStartUs,
        long windowEndUs,
        int accelerators,
        Goodputs goodput,
        double availableSeconds,
        double productiveSeconds,
        List<CauseShare> badput,
        List<LayerShare> layers,
        List<WaterfallStep> waterfall,
        Reliability reliability,
        StepStats steps,
        SlowStepCost slowSteps,
        MfuDetails mfu,
        int intervalCount,
        List<String> inputFiles,
        List<Problem> warnings,
        List<RestartCost> restarts) {

    public GoodputReport {
        restarts = List.copyOf(restarts);
    }

    /** A report without restart records. */
    public GoodputReport(String runName, long windowStartUs, long windowEndUs, int accelerators, Goodputs goodput,
                         double availableSeconds, double productiveSeconds, List<CauseShare> badput,
                         List<LayerShare> layers, List<WaterfallStep> waterfall, Reliability reliability,
                         StepStats steps, SlowStepCost slowSteps, MfuDetails mfu, int intervalCount,
                         List<String> inputFiles, List<Problem> warnings) {
        this(runName, windowStartUs, windowEndUs, accelerators, goodput, availableSeconds, productiveSeconds, badput,
                layers, waterfall, reliability, steps, slowSteps, mfu, intervalCount, inputFiles, warnings, List.of());
    }

    public double windowSeconds() {
        return (windowEndUs - windowStartUs) / 1e6;
    }

    public int disruptions() {
        return reliability.disruptions();
    }

    /** Each root cause's whole cost, summed over its restart records. */
    public List<CauseCost> costByCause() {
        return CauseCost.of(restarts);
    }
}
