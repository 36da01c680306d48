package dev.goodput.core.report;

import dev.goodput.core.model.Problem;

import java.util.List;

/** Everything the derivation concludes about a run over one window; the CLI and views render it. */
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
        List<Problem> warnings) {

    public double windowSeconds() {
        return (windowEndUs - windowStartUs) / 1e6;
    }

    public int disruptions() {
        return reliability.disruptions();
    }
}
