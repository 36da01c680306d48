package dev.goodput.core.profile.report;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.MeasuredModelLayer;
import dev.goodput.core.derive.MeasuredScope;
import dev.goodput.core.derive.ModelFlops;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.profile.PeakFlopsTable;
import dev.goodput.core.profile.ProfileLoader;
import dev.goodput.core.profile.ProfileTrace;
import dev.goodput.core.profile.analysis.ProfileAnalyzer;
import dev.goodput.core.profile.analysis.ProfileSettings;
import dev.goodput.core.profile.analysis.RankProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles loaded beside a run: each rank's analysis (with the run's FLOPs per step and peak when it has them)
 * and the model layer they measure, as the CLI's {@code report} and the workbench both use them.
 *
 * @param model null when no rank has an MFU
 */
public record ProfiledModel(List<RankProfile> ranks, MeasuredModelLayer model) {
    public ProfiledModel {
        ranks = List.copyOf(ranks);
    }

    /**
     * Measured under the derivation's settings: their peak override, if any, is the peak the MFU is taken against,
     * as in the derivation itself.
     */
    public static ProfiledModel measure(RunMetadata run, List<Path> profiles, String precision,
                                        DerivationSettings settings) throws IOException, InputException {
        return measure(run, profiles, precision, settings, ReadLimits.DEFAULTS);
    }

    /** As {@link #measure(RunMetadata, List, String, DerivationSettings)}, reading the profiles within the limits. */
    public static ProfiledModel measure(RunMetadata run, List<Path> profiles, String precision,
                                        DerivationSettings settings, ReadLimits limits)
            throws IOException, InputException {
        return measure(run, profiles, precision, Double.isNaN(settings.peakOverride()) ? null
                : settings.peakOverride(), limits);
    }

    /** {@code settings} with the model layer these profiles measured; unchanged when they measured none. */
    public DerivationSettings applyTo(DerivationSettings settings) {
        return model == null ? settings : settings.withMeasuredModel(model);
    }

    /**
     * @param peakOverride peak FLOP/s per device from the user, or null (then the run's, then the table's)
     */
    public static ProfiledModel measure(RunMetadata run, List<Path> profiles, String precision, Double peakOverride)
            throws IOException, InputException {
        return measure(run, profiles, precision, peakOverride, ReadLimits.DEFAULTS);
    }

    private static ProfiledModel measure(RunMetadata run, List<Path> profiles, String precision, Double peakOverride,
                                         ReadLimits limits) throws IOException, InputException {
        ProfileSettings ps = ProfileSettings.defaults().withPrecision(precision);
        ModelFlops flops = ModelFlops.of(run);
        if (flops != null) {
            ps = ps.withFlopsPerStep(flops.perStep(), flops.convention().id());
        }
        if (peakOverride != null) {
            ps = ps.withPeakFlops(peakOverride);
        } else if (run.peak().isPresent()) {
            ps = ps.withPeakFlops(run.peak().getAsDouble());
        }
        List<RankProfile> ranks = new ArrayList<>();
        for (ProfileTrace t : ProfileLoader.load(profiles, limits)) {
            ranks.add(ProfileAnalyzer.analyze(t, ps));
        }
        MeasuredModelLayer model = ProfileModelLayer.of(ProfileReport.of(ranks));
        return new ProfiledModel(ranks, model == null ? null : onRunsAccelerator(model, run));
    }

    /** A profile of another accelerator than the run's is warned about: its MFU is not the run's. */
    private static MeasuredModelLayer onRunsAccelerator(MeasuredModelLayer model, RunMetadata run) {
        MeasuredScope scope = model.scope();
        String runDevice = run.acceleratorType();
        if (scope == null || scope.device() == null || runDevice == null || runDevice.isBlank()) {
            return model;
        }
        var profiled = PeakFlopsTable.deviceFor(scope.device());
        var theRuns = PeakFlopsTable.deviceFor(runDevice);
        if (profiled.isEmpty() || theRuns.isEmpty() || profiled.get().equals(theRuns.get())) {
            return model;
        }
        Problem p = Problem.warning(new Source(scope.files().get(0), 0), (scope.files().size() == 1 ? "the profile"
                : "the profiles") + " ran on " + scope.device() + ", the run on " + runDevice
                + ": the model layer is measured on another accelerator");
        return new MeasuredModelLayer(model.mfu(), model.losses(), model.details(), scope.withWarning(p));
    }
}
