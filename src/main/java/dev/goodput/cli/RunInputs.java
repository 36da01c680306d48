package dev.goodput.cli;

import dev.goodput.core.report.PrintableText;
import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.logs.LinePattern;
import dev.goodput.core.io.logs.LogFormats;
import dev.goodput.core.load.DerivedRun;
import dev.goodput.core.load.InputFormats;
import dev.goodput.core.load.RunFiles;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.load.RunRequest;
import dev.goodput.core.workspace.InputCheck;
import dev.goodput.core.workspace.InputStatus;
import dev.goodput.core.workspace.Loaded;
import dev.goodput.core.workspace.CauseColourChoices;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run a command reads and how it is derived: run logs (profiles beside them give the model layer), the
 * window and the derivation settings, or a workspace that names them and adds its attributions. A picocli mixin,
 * so {@code report} and {@code export} read runs alike.
 */
final class RunInputs {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "The run's files, read together as one run, each told apart by content: trainer logs "
                    + "(Megatron-LM/Megatron-DeepSpeed, NeMo, torchtitan, MaxText, DeepSpeed, MLPerf, torchrun; "
                    + "several, e.g. one per job attempt, are stitched into one run), SLURM sacct records (its "
                    + "jobs become the run's attempts), Kubernetes pod and event exports (kubectl -o json), node logs "
                    + "(kernel and GPU driver lines), Hugging Face "
                    + "trainer_state.json, the canonical run log (JSON Lines or CSV) or ml-goodput-measurement "
                    + "entries; .gz is read too (`goodput formats` lists them). A folder stands for the files in it. "
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

    @Option(names = "--precision",
            description = "Precision of the peak looked up for profiles (default: the run's, else "
                    + RunRequest.DEFAULT_PRECISION + ").")
    String precision;

    @Option(names = "--log-format", paramLabel = "ID",
            description = "Read every text log as this trainer-log format instead of detecting it "
                    + "(`goodput formats` lists the ids).")
    String logFormat;

    @Option(names = "--tz", paramLabel = "ZONE|FILE=ZONE",
            description = "The zone of log times written without one (default: UTC), e.g. Europe/Paris or +02:00. "
                    + "FILE=ZONE sets it for one file (or the files of a folder); repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--clock-offset", paramLabel = "FILE=SECONDS",
            description = "Add SECONDS (negative or fractional too) to every time of one file (or the files of a "
                    + "folder) whose clock disagrees with the others'; a warning names the offset when a trainer "
                    + "log's activity falls outside its scheduler job. Repeatable.")
    List<String> clockOffsets = new ArrayList<>();

    @Option(names = "--line-pattern", paramLabel = "[FILE=]REGEX",
            description = "Read the lines a Java regular expression matches as faults: named groups time and "
                    + "message, optionally node and rank (docs/formats.md, \"Any log with a pattern\"). "
                    + "FILE=REGEX for one file (or the files of a folder; FILE is taken as such when it names an "
                    + "existing file or folder), tried before the built-in formats; REGEX alone for every text log, "
                    + "tried after them. Repeatable.")
    List<String> linePatterns = new ArrayList<>();

    @Option(names = "--line-time-format", paramLabel = "[FILE=]FORMAT",
            description = "How the time group of --line-pattern is written, as a java.time DateTimeFormatter "
                    + "pattern (e.g. 'dd/MMM/yyyy:HH:mm:ss Z'). Default: ISO-8601, dmesg -T, syslog, glog times "
                    + "and epoch numbers are recognised. FILE=FORMAT for the pattern of one file.")
    List<String> lineTimeFormats = new ArrayList<>();

    @Option(names = "--start", paramLabel = "TIME",
            description = "When the run started (ISO-8601 with offset, or epoch seconds), for logs that give no "
                    + "year or no times at all (glog lines, trainer_state.json).")
    String start;

    @picocli.CommandLine.Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    /** The workspace, read once; null without --workspace. */
    private Loaded<Workspace> loaded;

    /**
     * The files read (run logs and profiles: as given, folders expanded, else the workspace's inputs) and the
     * workspace file, e.g. to make sure an export does not overwrite one.
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
            loaded.warnings().forEach(w -> cmd.getErr().println("goodput: warning: "
                    + PrintableText.of(String.valueOf(w))));
        }
        // Charts draw each cause in the workspace's colours, as the workbench does.
        CauseColourBook.session().load(ws != null ? ws.colours() : CauseColourChoices.EMPTY);
        List<Path> inputs = ws != null && files.isEmpty() ? checkedInputs(ws, cmd) : List.copyOf(files);
        if (inputs.isEmpty()) {
            throw workspace == null ? CommandFailure.usage("expected at least one FILE (run log), or --workspace")
                    : CommandFailure.badInput(workspace + ": expected inputs to read: the workspace names none that "
                    + "is there (give the run's FILEs)");
        }
        DerivationSettings settings = settings(cmd, ws);
        LoadOptions options = loadOptions(cmd);
        try {
            RunFiles read = RunFiles.of(inputs);
            if (read.logs().isEmpty()) {
                throw CommandFailure.usage("expected at least one run log besides the profiles "
                        + "(use `goodput profile` for profiles alone)");
            }
            List<Path> unmatched = read.unmatched(options.fileZones());
            if (!unmatched.isEmpty()) {
                throw CommandFailure.usage("expected --tz FILE=ZONE to name a run file read (or its folder), found "
                        + "\"" + unmatched.get(0) + "\"");
            }
            unmatched = read.unmatched(options.clockOffsets());
            if (!unmatched.isEmpty()) {
                throw CommandFailure.usage("expected --clock-offset FILE=SECONDS to name a run file read (or its "
                        + "folder), found \"" + unmatched.get(0) + "\"");
            }
            unmatched = read.unmatched(options.filePatterns());
            if (!unmatched.isEmpty()) {
                throw CommandFailure.usage("expected --line-pattern FILE=REGEX to name a run file read (or its "
                        + "folder), found \"" + unmatched.get(0) + "\"");
            }
            RunRequest request = new RunRequest(inputs, options, settings,
                    ws == null ? null : ws.settings().flopConvention(), precision);
            DerivedRun run = new RunPipeline().load(request);
            DerivedRun.Attributed attributed = run.attributedSaying(ws == null ? null : ws.overlay());
            attributed.warnings().forEach(w -> cmd.getErr().println("goodput: warning: " + PrintableText.of(w)));
            return attributed.derivation();
        } catch (InputException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
    }

    /** How the files are read: strict unless --lenient, and the format, zones and start given. */
    LoadOptions loadOptions(CommandLine cmd) throws CommandFailure {
        LoadOptions options = LoadOptions.of(lenient ? LoadMode.LENIENT : LoadMode.STRICT).withLimits(limits.limits());
        if (logFormat != null) {
            if (LogFormats.byId(logFormat) == null) {
                throw CommandFailure.usage("expected --log-format to be one of " + String.join(", ",
                        InputFormats.logFormatIds()) + ", found \"" + logFormat + "\"");
            }
            options = options.withFormat(LogFormats.byId(logFormat).id());
        }
        ZoneId zone = null;
        Map<Path, ZoneId> perFile = new LinkedHashMap<>();
        for (String z : zones) {
            int eq = z.lastIndexOf('=');
            if (eq < 0) {
                if (zone != null) {
                    throw CommandFailure.usage("expected one --tz ZONE (and any number of --tz FILE=ZONE), found "
                            + "two: " + zone + " and " + z);
                }
                zone = zoneOf(z, z);
            } else {
                String file = z.substring(0, eq);
                if (file.isBlank()) {
                    throw CommandFailure.usage("expected --tz FILE=ZONE with a file, found \"" + z + "\"");
                }
                perFile.put(Path.of(file), zoneOf(z.substring(eq + 1), z));
            }
        }
        if (zone != null) {
            options = options.withZone(zone);
        }
        options = linePatterns(options.withFileZones(perFile).withClockOffsets(clockOffsets()));
        return start == null ? options : options.withStart(CliTimes.parseMicros(start, "--start", cmd));
    }

    /** A value given for one file or for all: {@code FILE=VALUE} when FILE names an existing file or folder. */
    private record ForFile(Path file, String value) {
        static ForFile of(String given) {
            int eq = given.indexOf('=');
            if (eq > 0) {
                try {
                    Path p = Path.of(given.substring(0, eq));
                    if (Files.exists(p)) {
                        return new ForFile(p, given.substring(eq + 1));
                    }
                } catch (InvalidPathException e) {
                    // not a path: the '=' is the value's own
                }
            }
            return new ForFile(null, given);
        }
    }

    /** {@code --line-pattern [FILE=]REGEX} with {@code --line-time-format [FILE=]FORMAT}, checked. */
    private LoadOptions linePatterns(LoadOptions options) throws CommandFailure {
        String allFormat = null;
        Map<Path, String> fileFormats = new LinkedHashMap<>();
        for (String given : lineTimeFormats) {
            ForFile f = ForFile.of(given);
            if (f.file() != null) {
                fileFormats.put(f.file(), f.value());
            } else if (allFormat != null) {
                throw CommandFailure.usage("expected one --line-time-format FORMAT (and any number of "
                        + "--line-time-format FILE=FORMAT), found two: " + allFormat + " and " + given);
            } else {
                allFormat = given;
            }
        }
        LinePattern all = null;
        Map<Path, LinePattern> perFile = new LinkedHashMap<>();
        for (String given : linePatterns) {
            ForFile f = ForFile.of(given);
            LinePattern p = pattern(f.value(), f.file() == null ? allFormat : fileFormats.getOrDefault(f.file(),
                    allFormat));
            if (f.file() != null) {
                perFile.put(f.file(), p);
            } else if (all != null) {
                throw CommandFailure.usage("expected one --line-pattern REGEX (and any number of --line-pattern "
                        + "FILE=REGEX), found two: " + all.regex().pattern() + " and " + given);
            } else {
                all = p;
            }
        }
        for (Path f : fileFormats.keySet()) {
            if (!perFile.containsKey(f)) {
                throw CommandFailure.usage("expected a --line-pattern FILE=REGEX for the file of --line-time-format "
                        + "FILE=FORMAT, found none for \"" + f + "\"");
            }
        }
        if (all == null && perFile.isEmpty()) {
            if (allFormat != null) {
                throw CommandFailure.usage("expected --line-pattern with --line-time-format: the format is of its "
                        + "time group");
            }
            if (LogFormats.PATTERN.equals(options.formatId())) {
                throw CommandFailure.usage("expected --line-pattern with --log-format pattern: it reads text logs "
                        + "by a line pattern alone");
            }
        }
        return options.withLinePattern(all).withFilePatterns(perFile);
    }

    private static LinePattern pattern(String regex, String timeFormat) throws CommandFailure {
        LinePattern p;
        try {
            p = LinePattern.of(regex, null);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--line-pattern: " + e.getMessage());
        }
        try {
            return p.withTimeFormat(timeFormat);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--line-time-format: " + e.getMessage());
        }
    }

    /** {@code --clock-offset FILE=SECONDS} as µs per file. */
    private Map<Path, Long> clockOffsets() throws CommandFailure {
        Map<Path, Long> out = new LinkedHashMap<>();
        for (String c : clockOffsets) {
            int eq = c.lastIndexOf('=');
            if (eq <= 0 || c.substring(0, eq).isBlank()) {
                throw CommandFailure.usage("expected --clock-offset FILE=SECONDS (e.g. rank0.log=63), found \"" + c
                        + "\"");
            }
            try {
                long us = new BigDecimal(c.substring(eq + 1).strip()).movePointRight(6)
                        .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                out.put(Path.of(c.substring(0, eq)), us);
            } catch (NumberFormatException | ArithmeticException e) {
                throw CommandFailure.usage("expected --clock-offset FILE=SECONDS with a number of seconds (63, -1.5), "
                        + "found \"" + c + "\"");
            }
        }
        return out;
    }

    private static ZoneId zoneOf(String text, String given) throws CommandFailure {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw CommandFailure.usage("expected --tz to be a time-zone id (UTC, Europe/Paris, +02:00) or "
                    + "FILE=ZONE, found \"" + given + "\"");
        }
    }

    private List<Path> inputFiles() throws CommandFailure {
        Workspace ws = workspace();
        if (ws != null && files.isEmpty()) {
            return ws.inputPaths(workspaceFolder());
        }
        try {
            return RunFiles.list(files);
        } catch (InputException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
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
                throw CommandFailure.badInput(workspace + ": expected a readable workspace file ("
                        + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
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
                cmd.getErr().println("goodput: warning: " + PrintableText.of(s.describe()
                        + (s instanceof InputStatus.Changed ? "; its attributions are re-applied where they still match"
                        : "; deriving without it")));
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
}
