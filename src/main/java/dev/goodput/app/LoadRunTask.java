package dev.goodput.app;

import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Run;
import dev.goodput.core.profile.ProfileLoader;
import dev.goodput.core.profile.report.ProfiledModel;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Reads the files as one run and derives it, off the FX thread. The whole {@link Derivation} is the result (not
 * just its report) so that views such as the timeline can draw the partition of the window.
 */
final class LoadRunTask extends Task<LoadedRun> {
    static final String READING = "Reading…";
    static final String DERIVING = "Deriving goodput…";

    private final List<Path> files;
    private final RunSource source;

    LoadRunTask(List<Path> files, RunSource source) {
        this.files = List.copyOf(files);
        this.source = source;
    }

    @Override
    protected LoadedRun call() throws Exception {
        // The readers report no progress of their own, so the bar stays indeterminate; the message names the stage.
        updateMessage(READING);
        // Profiler traces beside the run logs measure the model layer, as `goodput report RUNLOG TRACE` does.
        List<Path> profiles = files.stream().filter(ProfileLoader::isProfile).toList();
        List<Path> logs = files.stream().filter(f -> !profiles.contains(f)).toList();
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("expected a run log beside the profiler traces (run logs give the "
                    + "timeline; traces alone are analysed by `goodput profile`)");
        }
        Run run = source.read(logs);
        ProfiledModel profiled = profiles.isEmpty() ? null : ProfiledModel.measure(run.metadata(), profiles, "bf16",
                null);
        // The readers cannot be stopped mid-file (they do not check for interrupts), so a cancelled load reads on in
        // the background; at least spare it the derivation, which costs about as much again. Its outcome is ignored.
        if (isCancelled()) {
            throw new CancellationException();
        }
        updateMessage(DERIVING);
        DerivationSettings settings = DerivationSettings.defaults();
        if (profiled != null && profiled.model() != null) {
            settings = settings.withMeasuredModel(profiled.model());
        }
        Derivation derivation = GoodputDeriver.derive(run, settings);
        TimelineLanes.prepare(derivation);
        return new LoadedRun(derivation, profiled);
    }
}
