package dev.goodput.app;

import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Run;
import dev.goodput.core.profile.ProfileLoader;
import dev.goodput.core.profile.report.ProfiledModel;
import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.workspace.OpenRequest;
import dev.goodput.app.workspace.OpenedWorkspace;
import dev.goodput.app.workspace.WorkspaceReader;
import dev.goodput.core.workspace.WorkspaceSettings;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Reads the files (or a workspace's inputs, with its settings) as one run and derives it, off the FX thread. The whole {@link Derivation} is the result (not
 * just its report) so that views such as the timeline can draw the partition of the window.
 */
final class LoadRunTask extends Task<LoadedRun> {
    static final String READING = "Reading…";
    static final String DERIVING = "Deriving goodput…";

    private final OpenRequest request;
    private final RunSource source;

    LoadRunTask(OpenRequest request, RunSource source) {
        this.request = request;
        this.source = source;
    }

    @Override
    protected LoadedRun call() throws Exception {
        // The readers report no progress of their own, so the bar stays indeterminate; the message names the stage.
        updateMessage(READING);
        // A workspace names its inputs and settings; its inputs are compared with the files on disk first.
        OpenedWorkspace opened = WorkspaceReader.read(request);
        List<Path> files = opened.readable();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("expected run files to read: " + String.join("; ", opened.warnings()));
        }
        WorkspaceSettings chosen = opened.workspace().settings();
        // Profiler traces beside the run logs measure the model layer, as `goodput report RUNLOG TRACE` does.
        List<Path> profiles = files.stream().filter(ProfileLoader::isProfile).toList();
        List<Path> logs = files.stream().filter(f -> !profiles.contains(f)).toList();
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("expected a run log beside the profiler traces (run logs give the "
                    + "timeline; traces alone are analysed by `goodput profile`)");
        }
        Run run = chosen.applyFlopConvention(source.read(logs));
        DerivationSettings settings = chosen.derivationSettings();
        // Measured against the workspace's peak override too, as the CLI does.
        ProfiledModel profiled = profiles.isEmpty() ? null : ProfiledModel.measure(run.metadata(), profiles, "bf16",
                settings);
        // The readers cannot be stopped mid-file (they do not check for interrupts), so a cancelled load reads on in
        // the background; at least spare it the derivation, which costs about as much again. Its outcome is ignored.
        if (isCancelled()) {
            throw new CancellationException();
        }
        updateMessage(DERIVING);
        if (profiled != null) {
            settings = profiled.applyTo(settings);
        }
        Derivation derivation = GoodputDeriver.derive(run, settings);
        AttributionSession.Prepared attributed = AttributionSession.Prepared.of(derivation,
                opened.workspace().overlay());
        TimelineLanes.prepare(attributed.shown());
        return new LoadedRun(attributed, profiled, opened);
    }
}
