package dev.goodput.cli;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code goodput report FILE...}: derives and prints the goodput report of one run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print the goodput report of a run: the files are read together as one run.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunInputs inputs;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        ReportFormat fmt;
        Derivation d;
        try {
            fmt = CommandFailure.parsed(() -> ReportFormat.parse(format), "--format text, json, csv or markdown",
                    format);
            d = inputs.derive(spec.commandLine());
        } catch (CommandFailure f) {
            return f.report(spec.commandLine());
        }
        PrintWriter out = spec.commandLine().getOut();
        Writer w = out != null ? out : new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        fmt.writer().write(d.report(), w);
        w.flush();
        return 0;
    }
}
