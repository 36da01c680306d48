package dev.goodput.core.workspace;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunMetadata;

/**
 * The derivation choices a workspace keeps. Each "not set" value (null, NaN) means "as the run says", so a
 * workspace only pins what the user chose.
 *
 * @param window         the measurement window, or null for the default (first job start to last event)
 * @param flopConvention how to count model FLOPs, or null for the run log's (or the best its numbers allow)
 * @param peakOverride   peak FLOP/s per accelerator instead of the run's, or NaN
 * @param evalProductive whether evaluation counts as productive, or null for the run metadata's choice
 * @param warmupSteps    steps after each (re)start left out of steady state
 */
public record WorkspaceSettings(Window window, FlopConvention flopConvention, double peakOverride,
                                Boolean evalProductive, int warmupSteps) {
    public WorkspaceSettings {
        if (!Double.isNaN(peakOverride) && !(peakOverride > 0 && Double.isFinite(peakOverride))) {
            throw new IllegalArgumentException("a peak override must be a positive number, found " + peakOverride);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps cannot be negative: " + warmupSteps);
        }
    }

    public static WorkspaceSettings defaults() {
        return new WorkspaceSettings(null, null, Double.NaN, null, DerivationSettings.DEFAULT_WARMUP_STEPS);
    }

    public WorkspaceSettings withWindow(Window w) {
        return new WorkspaceSettings(w, flopConvention, peakOverride, evalProductive, warmupSteps);
    }

    public WorkspaceSettings withFlopConvention(FlopConvention c) {
        return new WorkspaceSettings(window, c, peakOverride, evalProductive, warmupSteps);
    }

    public WorkspaceSettings withPeakOverride(double peak) {
        return new WorkspaceSettings(window, flopConvention, peak, evalProductive, warmupSteps);
    }

    public WorkspaceSettings withEvalProductive(Boolean productive) {
        return new WorkspaceSettings(window, flopConvention, peakOverride, productive, warmupSteps);
    }

    public WorkspaceSettings withWarmupSteps(int steps) {
        return new WorkspaceSettings(window, flopConvention, peakOverride, evalProductive, steps);
    }

    /** The derivation settings these give; what a workspace does not keep (outlier cut-off, profiles) is default. */
    public DerivationSettings derivationSettings() {
        return DerivationSettings.defaults().withWindow(window).withEvalProductive(evalProductive)
                .withPeakOverride(peakOverride).withWarmupSteps(warmupSteps);
    }

    /**
     * The run with this FLOP convention, when one is set. The convention belongs to the run's metadata (the log
     * may name one), so choosing another is a view of the run, not a derivation setting; the run itself is
     * immutable and stays as imported.
     */
    public Run applyFlopConvention(Run run) {
        RunMetadata m = run.metadata();
        if (flopConvention == null || flopConvention == m.flopConvention()) {
            return run;
        }
        RunMetadata chosen = new RunMetadata(m.name(), m.acceleratorType(), m.acceleratorCount(),
                m.peakFlopsPerAccelerator(), m.peakPrecision(), m.flopsPerStep(), m.parameters(), m.tokensPerStep(),
                m.layers(), m.heads(), m.headDim(), m.sequenceLength(), flopConvention, m.evalProductive());
        return new Run(chosen, run.attempts(), run.steps(), run.phases(), run.checkpoints(), run.faults(),
                run.downtimes(), run.inputFiles(), run.problems());
    }
}
