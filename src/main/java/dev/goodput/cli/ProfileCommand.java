package dev.goodput.cli;

import dev.goodput.core.io.InputException;
import dev.goodput.core.report.PrintableText;
import dev.goodput.core.profile.ProfileLoader;
import dev.goodput.core.profile.ProfileTrace;
import dev.goodput.core.profile.analysis.ProfileAnalyzer;
import dev.goodput.core.profile.analysis.ProfileSettings;
import dev.goodput.core.profile.analysis.TimestampRounding;
import dev.goodput.core.report.PrintableText;
import dev.goodput.core.profile.analysis.RankProfile;
import dev.goodput.core.profile.report.ProfileJsonWriter;
import dev.goodput.core.profile.report.ProfileReport;
import dev.goodput.core.profile.report.ProfileTextWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code goodput profile TRACE...}: GPU time breakdown (HTA's definitions), MFU and stragglers. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Break down GPU time of profiler traces (PyTorch/Kineto JSON or Nsight Systems SQLite; a "
                + "folder = one trace per rank) and compute MFU.")
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Trace files or folders of per-rank traces.")
    List<Path> traces;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--peak-flops", paramLabel = "FLOPS", description = "Peak FLOP/s per device (overrides the table).")
    Double peakFlops;

    @Option(names = "--precision", defaultValue = "bf16", description = "Precision of the peak (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--flops-per-step", paramLabel = "FLOPS",
            description = "Model FLOPs of one step over all ranks (default: counted from the trace's shapes).")
    Double flopsPerStep;

    @Option(names = "--ns-rounding", defaultValue = "hta", paramLabel = "hta|exact",
            description = "Timestamps with ns fractions: hta rounds them to whole µs in float64 as Holistic Trace "
                    + "Analysis does, so the numbers equal its numbers; exact keeps the file's ns (HTA's "
                    + "HTA_DISABLE_NS_ROUNDING, without float64's grain) (default: ${DEFAULT-VALUE}).")
    String nsRounding;

    @Mixin
    ReadLimitOptions limits = new ReadLimitOptions();

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            spec.commandLine().getErr().println("goodput: error: expected --format text or json, found \"" + format + "\"");
            return 1;
        }
        if (!nsRounding.equals("hta") && !nsRounding.equals("exact")) {
            spec.commandLine().getErr().println("goodput: error: expected --ns-rounding hta or exact, found \""
                    + PrintableText.of(nsRounding) + "\"");
            return 1;
        }
        ProfileSettings settings = ProfileSettings.defaults().withPrecision(precision)
                .withRounding(nsRounding.equals("exact") ? TimestampRounding.EXACT : TimestampRounding.HTA);
        if (peakFlops != null) {
            settings = settings.withPeakFlops(peakFlops);
        }
        if (flopsPerStep != null) {
            settings = settings.withFlopsPerStep(flopsPerStep, "given");
        }
        List<ProfileTrace> loaded;
        try {
            loaded = ProfileLoader.load(traces, limits.limits());
        } catch (CommandFailure f) {
            return f.report(spec.commandLine());
        } catch (InputException e) {
            spec.commandLine().getErr().println("goodput: error: " + PrintableText.of(e.getMessage()));
            return 2;
        }
        List<RankProfile> ranks = new ArrayList<>();
        for (ProfileTrace t : loaded) {
            ranks.add(ProfileAnalyzer.analyze(t, settings));
        }
        ProfileReport report = ProfileReport.of(ranks);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            new ProfileJsonWriter().write(report, out);
        } else {
            new ProfileTextWriter().write(report, out);
        }
        out.flush();
        return 0;
    }
}
