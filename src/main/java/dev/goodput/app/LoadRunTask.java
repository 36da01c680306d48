package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.workspace.OpenRequest;
import dev.goodput.app.workspace.OpenedWorkspace;
import dev.goodput.app.workspace.WorkspaceReader;
import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.io.InputException;
import dev.goodput.core.load.DerivedRun;
import dev.goodput.core.load.Progress;
import dev.goodput.core.load.RunFiles;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.load.RunReader;
import dev.goodput.core.load.RunRequest;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the files (or a workspace's inputs, with its settings) as one run and derives it, off the FX thread, through
 * the same {@link RunPipeline} as {@code goodput report}. The whole {@link Derivation} is the result (not just its
 * report) so that views such as the timeline can draw the partition of the window.
 */
final class LoadRunTask extends Task<LoadedRun> {
    static final String READING = RunPipeline.READING;
    static final String DERIVING = RunPipeline.DERIVING;

    private final OpenRequest request;
    private final RunSource source;

    LoadRunTask(OpenRequest request, RunSource source) {
        this.request = request;
        this.source = source;
    }

    @Override
    protected LoadedRun call() throws Exception {
        // The readers report no progress of their own, so the bar stays indeterminate; the message names the stage.
        // A cancelled load reads on (the readers cannot be stopped mid-file) but stops before the next stage.
        return load(request, source, Progress.of(this::updateMessage, this::isCancelled));
    }

    /**
     * What the task does, without JavaFX's task around it (so tests can run it on their own thread). Running out of
     * memory fails the load with a message (the run shown stays), never an error dialog or a stack trace.
     */
    static LoadedRun load(OpenRequest request, RunSource source, Progress progress) throws Exception {
        try {
            return loadWithin(request, source, progress);
        } catch (OutOfMemoryError e) {
            // What the load held is garbage now, so there is memory to say so.
            throw new IOException("out of memory loading " + named(request) + "; raise the heap "
                    + "(java -Xmx, e.g. -Xmx8g) or lower the step limit in Edit ▸ Preferences (--max-steps)");
        }
    }

    private static LoadedRun loadWithin(OpenRequest request, RunSource source, Progress progress) throws Exception {
        progress.stage(READING);
        // A workspace names its inputs and settings; its inputs are compared with the files on disk first (hashed,
        // so folders are expanded to their files and special files refused before anything is opened).
        OpenedWorkspace opened = WorkspaceReader.read(expanded(request));
        List<Path> files = opened.readable();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("expected run files to read: " + String.join("; ", opened.warnings()));
        }
        RunRequest run = RunRequest.of(files, source.options(), opened.workspace().settings());
        DerivedRun derived = new RunPipeline(reader(source)).load(run, progress);
        AttributionSession.Prepared attributed = AttributionSession.Prepared.of(derived.derivation(),
                opened.workspace().overlay());
        // The run is drawn in its workspace's colours (plain run files: none chosen), not the run shown before's;
        // loaded before the lanes are prepared, which draw the causes in them. A load cancelled by now leaves the
        // run shown its colours.
        progress.checkCancelled();
        CauseColourBook.session().load(opened.workspace().colours());
        TimelineLanes.prepare(attributed.shown());
        return new LoadedRun(attributed, derived.profiles(), opened);
    }

    /** The files a request names, for a message. */
    private static String named(OpenRequest request) {
        return request instanceof OpenRequest.Files f ? FileNames.of(f.files()) : "the workspace's inputs";
    }

    /** Run files named by the user with their folders expanded; a workspace's inputs are files already. */
    private static OpenRequest expanded(OpenRequest request) throws InputException {
        return request instanceof OpenRequest.Files f ? new OpenRequest.Files(RunFiles.list(f.files())) : request;
    }

    /** The source as the pipeline's reader step (the window's options are the source's own). */
    private static RunReader reader(RunSource source) {
        return (files, options) -> {
            try {
                return source.read(files);
            } catch (IOException | InputException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}
