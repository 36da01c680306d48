package dev.goodput.cli;

import dev.goodput.core.attribution.IncrementalAttribution;
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
import dev.goodput.core.workspace.InputCheck;
import dev.goodput.core.workspace.InputStatus;
import dev.goodput.core.workspace.Loaded;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run a command reads and how it is derived: run logs (profiles beside them give the model layer), the
 * window and the derivation settings, or a workspace that names them and adds its attributions. A picocli mixin,
 * so {@code report} and {@code export} read runs alike.
 */
final class RunInputs {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Run logs (JSON Lines or CSV) or ml-goodput-measurement entries; .gz is read too. "
                    + "Profiler traces (Kineto JSON, Nsight Systems SQLite, or a folder of them) beside them give "
                    + "the model layer. With --workspace, default: the workspace's inputs.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--workspace", paramLabel = "FILE.goodput",
            description = "A workbench workspace: its inputs (unless FILEs are given), its settings (unless options "
                    + "override them) and its attributions (tags, rules, fault roles) are applied. Inputs changed "
                    + "or missing since it was saved are warned about.")
    Path workspace;

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

    // No picocli default, so a workspace's value holds unless the option is given.
    @Option(names = "--warmup-steps", paramLabel = "N",
            description = "Steps after each (re)start left out of steady state (default: "
                    + DerivationSettings.DEFAULT_WARMUP_STEPS + ", or the workspace's).")
    Integer warmupSteps;

    @Option(names = "--precision", defaultValue = "bf16",
            description = "Precision of the peak looked up for profiles (default: ${DEFAULT-VALUE}).")
    String precision;

    /** The workspace, read once; null without --workspace. */
    private Loaded<Workspace> loaded;

    /**
     * The files read (run logs and profiles: as given, else the workspace's inputs) and the workspace file, e.g.
     * to make sure an export does not overwrite one.
     */
    List<Path> files() throws CommandFailure {
        List<Path> all = new ArrayList<>(inputFiles());
        if (workspace != null) {
            all.add(workspace);
        }
        return List.copyOf(all);
    }

    /** Loads the run logs (and profiles) and derives them over the window, under the workspace's attributions. */
    Derivation derive(CommandLine cmd) throws CommandFailure, IOException {
        Workspace ws = workspace();
        if (ws != null) {
            loaded.warnings().forEach(w -> cmd.getErr().println("goodput: warning: " + w));
        }
        List<Path> inputs = ws != null && files.isEmpty() ? checkedInputs(ws, cmd) : List.copyOf(files);
        DerivationSettings settings = settings(cmd, ws);
        List<Path> profiles = inputs.stream().filter(ProfileLoader::isProfile).toList();
        List<Path> logs = inputs.stream().filter(f -> !profiles.contains(f)).toList();
        if (inputs.isEmpty()) {
            throw workspace == null ? CommandFailure.usage("expected at least one FILE (run log), or --workspace")
                    : CommandFailure.badInput(workspace + ": expected inputs to read: the workspace names none that "
                    + "is there (give the run's FILEs)");
        }
        if (logs.isEmpty()) {
            throw CommandFailure.usage("expected at least one run log besides the profiles "
                    + "(use `goodput profile` for profiles alone)");
        }
        try {
            Run run = new RunLoader(lenient ? LoadMode.LENIENT : LoadMode.STRICT).load(logs);
            if (ws != null) {
                run = ws.settings().applyFlopConvention(run);
            }
            if (!profiles.isEmpty()) {
                settings = withProfiles(settings, run, profiles);
            }
            Derivation d = GoodputDeriver.derive(run, settings);
            return ws == null || ws.overlay().isEmpty() ? d : IncrementalAttribution.of(d, ws.overlay()).derivation();
        } catch (InputException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
    }

    private List<Path> inputFiles() throws CommandFailure {
        Workspace ws = workspace();
        return ws != null && files.isEmpty() ? ws.inputPaths(workspaceFolder()) : List.copyOf(files);
    }

    private Workspace workspace() throws CommandFailure {
        if (workspace == null) {
            return null;
        }
        if (loaded == null) {
            try {
                loaded = WorkspaceStore.load(workspace);
            } catch (InputException e) {
                throw CommandFailure.badInput(e.getMessage());
            } catch (IOException e) {
                throw CommandFailure.badInput(workspace + ": cannot read the workspace: "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        return loaded.value();
    }

    private Path workspaceFolder() {
        return workspace.toAbsolutePath().normalize().getParent();
    }

    /**
     * The workspace's inputs that are still there, with a warning for each changed or missing one. A changed input
     * is still read: its attributions are re-applied by time range and pattern, so what still matches applies.
     */
    private List<Path> checkedInputs(Workspace ws, CommandLine cmd) {
        List<Path> present = new ArrayList<>();
        for (InputStatus s : InputCheck.of(ws, workspaceFolder()).inputs()) {
            if (!(s instanceof InputStatus.Unchanged)) {
                cmd.getErr().println("goodput: warning: " + s.describe() + (s instanceof InputStatus.Changed
                        ? "; its attributions are re-applied where they still match" : "; deriving without it"));
            }
            if (s instanceof InputStatus.Unchanged || s instanceof InputStatus.Changed) {
                present.add(s.file());
            }
        }
        return present;
    }

    /** The workspace's settings (or the defaults), with what the options say instead. */
    private DerivationSettings settings(CommandLine cmd, Workspace ws) throws CommandFailure {
        DerivationSettings settings = ws == null ? DerivationSettings.defaults() : ws.settings().derivationSettings();
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
        return warmupSteps == null ? settings : settings.withWarmupSteps(Math.max(0, warmupSteps));
    }

    /** The model layer measured from the profiles, with the run's FLOPs per step when it has them. */
    private DerivationSettings withProfiles(DerivationSettings settings, Run run, List<Path> profiles)
            throws IOException, InputException {
        return ProfiledModel.measure(run.metadata(), profiles, precision, settings).applyTo(settings);
    }
}
