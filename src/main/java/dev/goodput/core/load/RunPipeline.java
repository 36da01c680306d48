package dev.goodput.core.load;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.profile.report.ProfiledModel;
import dev.goodput.core.workspace.WorkspaceSettings;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CancellationException;

/**
 * Loading a run, the one way {@code goodput report} / {@code export} and the workbench window do it: folders
 * expanded and profiler traces told apart from run files ({@link RunFiles}); the run files read as one run
 * ({@link RunReader}); the FLOP convention chosen applied; the profiles measured against the derivation's peak
 * (the model layer); the run derived over the window. Attributions are applied by the caller
 * ({@link DerivedRun#attributed}), as the window keeps the imported derivation as the base of its edits.
 */
public final class RunPipeline {
    /** The stage while files are read (run files, then profiles). */
    public static final String READING = "Reading…";
    /** The stage while the goodputs are derived. */
    public static final String DERIVING = "Deriving goodput…";

    private final RunReader reader;

    /** With the real reader. */
    public RunPipeline() {
        this(RunReader.loader());
    }

    public RunPipeline(RunReader reader) {
        this.reader = reader;
    }

    /** Loads and derives without progress or cancellation (the CLI). */
    public DerivedRun load(RunRequest request) throws IOException, InputException {
        return load(request, Progress.NONE);
    }

    /**
     * @throws InputException        when there is nothing to read, only profiles, a special file, or bad input
     *                               (strict mode: the first bad record; lenient mode: only when no file is readable)
     * @throws CancellationException when {@code progress} says the load was cancelled, between stages
     */
    public DerivedRun load(RunRequest request, Progress progress) throws IOException, InputException {
        progress.stage(READING);
        RunFiles files = RunFiles.of(request.files());
        requireRunFile(files);
        LoadOptions options = request.options();
        options = options.withFileZones(files.zonesFor(options.fileZones()))
                .withClockOffsets(files.perFile(options.clockOffsets()))
                .withFilePatterns(files.perFile(options.filePatterns()));
        Run run = reader.read(files.logs(), options);
        if (request.flopConvention() != null) {
            run = WorkspaceSettings.defaults().withFlopConvention(request.flopConvention()).applyFlopConvention(run);
        }
        progress.checkCancelled();
        DerivationSettings settings = request.settings();
        // Measured against the derivation's peak override too, so the model layer and the MFU agree.
        ProfiledModel profiled = files.profiles().isEmpty() ? null
                : ProfiledModel.measure(run.metadata(), files.profiles(), precision(request, run), settings,
                options.limits());
        // The readers cannot be stopped mid-file, so a cancelled load reads on; at least spare it the derivation,
        // which costs about as much again.
        progress.checkCancelled();
        progress.stage(DERIVING);
        Derivation derived = derive(run, settings, profiled);
        requireTimeToMeasure(files, settings, derived);
        return new DerivedRun(files, derived, profiled);
    }

    /**
     * A default window of no length (a node log's one fault, every record at one instant) measures nothing: its
     * goodputs would be 0/0 printed as figures, so it is refused, saying how to measure around it.
     */
    private static void requireTimeToMeasure(RunFiles files, DerivationSettings settings, Derivation derived)
            throws InputException {
        if (settings.window() == null && derived.window().durationUs() <= 0) {
            throw new InputException(Source.ofFiles(files.logs()),
                    "expected records spanning some time; every timed record is at "
                            + Instant.EPOCH.plus(derived.window().startUs(), ChronoUnit.MICROS)
                            + ", so there is no time to measure (read it with the run's trainer or scheduler logs, "
                            + "or give a window)");
        }
    }

    /**
     * Derives a loaded run (again, e.g. over another window) with the model layer its profiles measured, as a load
     * does.
     *
     * @param profiles the profiles loaded beside the run, or null
     */
    public static Derivation derive(Run run, DerivationSettings settings, ProfiledModel profiles) {
        return GoodputDeriver.derive(run, profiles == null ? settings : profiles.applyTo(settings));
    }

    /**
     * The precision the profiles' peak is looked up at: the request's, else the run's own (its metadata's
     * {@code precision}), else {@link RunRequest#DEFAULT_PRECISION}.
     */
    public static String precision(RunRequest request, Run run) {
        if (request.precision() != null) {
            return request.precision();
        }
        String own = run.metadata().peakPrecision();
        return own == null || own.isBlank() ? RunRequest.DEFAULT_PRECISION : own.strip();
    }

    /** Profiles give the model layer of a run; alone they are no run. */
    public static void requireRunFile(RunFiles files) throws InputException {
        if (files.logs().isEmpty()) {
            throw files.profiles().isEmpty()
                    ? new InputException(Source.DERIVED, "expected run files to read, found none")
                    : new InputException(new Source(files.profiles().get(0).toString(), 0), "expected a run log "
                    + "beside the profiler traces: run logs give the timeline; traces alone are analysed by "
                    + "`goodput profile`");
        }
    }
}
