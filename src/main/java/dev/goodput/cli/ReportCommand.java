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
import dev.goodput.core.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code goodput report FILE...}: derives and prints the goodput report of one run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the goodput report of a run: the files are read together as one run.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Run logs (JSON Lines or CSV) or ml-goodput-measurement entries; .gz is read too. "
                    + "Profiler traces (Kineto JSON, Nsight Systems SQLite, or a folder of them) beside them give "
                    + "the model layer.")
    List<Path> files;

    @Option(names = "--window", arity = "2", paramLabel = "TIME",
            description = "Measurement window START END (ISO-8601 with offset, or epoch seconds). "
                    + "Default: first job start to last event.")
    List<String> window;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    String format;

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

    /** The model layer measured from the profiles, with the run's FLOPs per step when it has them. */
    private DerivationSettings withProfiles(DerivationSettings settings, Run run, List<Path> profiles)
            throws java.io.IOException, InputException {
        ProfiledModel measured = ProfiledModel.measure(run.metadata(), profiles, precision, peakFlops);
        return measured.model() == null ? settings : settings.withMeasuredModel(measured.model());
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat fmt;
        try {
            fmt = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("goodput: error: expected --format text, json, csv or markdown, "
                    + "found \"" + format + "\"");
            return 1;
        }
        DerivationSettings settings = DerivationSettings.defaults();
        if (window != null) {
            long start = CliTimes.parseMicros(window.get(0), "the window start", spec.commandLine());
            long end = CliTimes.parseMicros(window.get(1), "the window end", spec.commandLine());
            if (end < start) {
                spec.commandLine().getErr().println("goodput: error: the window ends before it starts");
                return 1;
            }
            settings = settings.withWindow(new Window(start, end));
        }
        if (evalProductive) {
            settings = settings.withEvalProductive(true);
        }
        if (peakFlops != null) {
            settings = settings.withPeakOverride(peakFlops);
        }
        settings = settings.withWarmupSteps(Math.max(0, warmupSteps));
        List<Path> profiles = files.stream().filter(ProfileLoader::isProfile).toList();
        List<Path> logs = files.stream().filter(f -> !profiles.contains(f)).toList();
        if (logs.isEmpty()) {
            spec.commandLine().getErr().println("goodput: error: expected at least one run log besides the profiles "
                    + "(use `goodput profile` for profiles alone)");
            return 1;
        }
        Run run;
        try {
            run = new RunLoader(lenient ? LoadMode.LENIENT : LoadMode.STRICT).load(logs);
            if (!profiles.isEmpty()) {
                settings = withProfiles(settings, run, profiles);
            }
        } catch (InputException e) {
            spec.commandLine().getErr().println("goodput: error: " + e.getMessage());
            return 2;
        }
        Derivation d = GoodputDeriver.derive(run, settings);
        PrintWriter out = spec.commandLine().getOut();
        Writer w = out != null ? out : new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        fmt.writer().write(d.report(), w);
        w.flush();
        return 0;
    }
}
