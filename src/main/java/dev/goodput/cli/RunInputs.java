package dev.goodput.cli;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Run;
import dev.goodput.core.profile.ProfileLoader;
import dev.goodput.core.profile.report.ProfiledModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The run a command reads and how it is derived: run logs (profiles beside them give the model layer), the
 * window and the derivation settings. A picocli mixin, so {@code report} and {@code export} read runs alike.
 */
final class RunInputs {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Run logs (JSON Lines or CSV) or ml-goodput-measurement entries; .gz is read too. "
                    + "Profiler traces (Kineto JSON, Nsight Systems SQLite, or a folder of them) beside them give "
                    + "the model layer.")
    List<Path> files;

    @Option(names = "--window", arity = "2", paramLabel = "TIME",
            description = "Measurement window START END (ISO-8601 with offset, or epoch seconds). "
                    + "Default: first job start to last event.")
    List<String> window;

    @Option(names = "--lenient", description = "Skip bad records (reported as warnings) instead of failing.")
    boolean lenient;

    @Option(names = "--eval-productive", description = "Count evaluation as productive time (default: badput).")
    boolean evalProductive;

    @Option(names = "--peak-flops", paramLabel = "FLOPS",
            description = "Peak FLOP/s per accelerator to use instead of the run's.")
    Double peakFlops;

    @Option(names = "--warmup-steps", paramLabel = "N", defaultValue = "" + DerivationSettings.DEFAULT_WARMUP_STEPS,
            description = "Steps after each (re)start left out of steady state (default: ${DEFAULT-VALUE}).")
    int warmupSteps;

    @Option(names = "--precision", defaultValue = "bf16",
            description = "Precision of the peak looked up for profiles (default: ${DEFAULT-VALUE}).")
    String precision;

    /** The files as given (run logs and profiles), e.g. to make sure an export does not overwrite one. */
    List<Path> files() {
        return List.copyOf(files);
    }

    /** Loads the run logs (and profiles) and derives them over the window. */
    Derivation derive(CommandLine cmd) throws CommandFailure, IOException {
        DerivationSettings settings = settings(cmd);
        List<Path> profiles = files.stream().filter(ProfileLoader::isProfile).toList();
        List<Path> logs = files.stream().filter(f -> !profiles.contains(f)).toList();
        if (logs.isEmpty()) {
            throw CommandFailure.usage("expected at least one run log besides the profiles "
                    + "(use `goodput profile` for profiles alone)");
        }
        try {
            Run run = new RunLoader(lenient ? LoadMode.LENIENT : LoadMode.STRICT).load(logs);
            if (!profiles.isEmpty()) {
                settings = withProfiles(settings, run, profiles);
            }
            return GoodputDeriver.derive(run, settings);
        } catch (InputException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
    }

    private DerivationSettings settings(CommandLine cmd) throws CommandFailure {
        DerivationSettings settings = DerivationSettings.defaults();
        if (window != null) {
            long start = CliTimes.parseMicros(window.get(0), "the window start", cmd);
            long end = CliTimes.parseMicros(window.get(1), "the window end", cmd);
            if (end < start) {
                throw CommandFailure.usage("the window ends before it starts");
            }
            settings = settings.withWindow(new Window(start, end));
        }
        if (evalProductive) {
            settings = settings.withEvalProductive(true);
        }
        if (peakFlops != null) {
            settings = settings.withPeakOverride(peakFlops);
        }
        return settings.withWarmupSteps(Math.max(0, warmupSteps));
    }

    /** The model layer measured from the profiles, with the run's FLOPs per step when it has them. */
    private DerivationSettings withProfiles(DerivationSettings settings, Run run, List<Path> profiles)
            throws IOException, InputException {
        ProfiledModel measured = ProfiledModel.measure(run.metadata(), profiles, precision, peakFlops);
        return measured.model() == null ? settings : settings.withMeasuredModel(measured.model());
    }
}
