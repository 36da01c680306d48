package dev.goodput.cli;

import dev.goodput.core.io.RunLogWriter;
import dev.goodput.core.model.Run;
import dev.goodput.core.sim.RunSimulator;
import dev.goodput.core.sim.SimulationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code goodput simulate --out FILE}: writes a seeded, simulated Llama 3 405B-style run as a canonical
 * JSON Lines run log, failing as often as Llama 3's 54-day interruption table says.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a simulated multi-week training run (JSON Lines run log; gzip when FILE ends in "
                + ".gz). Failures follow Llama 3 405B's 54-day interruption table (arXiv 2407.21783, Table 5).")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The run log to write (.jsonl, or .jsonl.gz for gzip).")
    Path out;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + SimulationSpec.DEFAULT_SEED,
            description = "Random seed: the same seed and options give the same file "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "54", paramLabel = "DAYS",
            description = "Wall-clock days to simulate (default: ${DEFAULT-VALUE}).")
    double days;

    @Option(names = "--accelerators", defaultValue = "16384", paramLabel = "N",
            description = "H100 GPUs in the job; failures scale with N, and the global batch is kept, so steps "
                    + "take 16384 / N times as long (default: ${DEFAULT-VALUE}).")
    int accelerators;

    @Option(names = "--step-seconds", paramLabel = "SECONDS",
            description = "Mean step time (default: about 400 TFLOP/s per GPU, ~6.7 s on 16,384 GPUs).")
    Double stepSeconds;

    @Option(names = "--tokens-per-step", paramLabel = "TOKENS",
            description = "Global batch in tokens; the step time scales with it at the same MFU "
                    + "(default: 16,777,216, Llama 3 405B's 16M batch).")
    Long tokensPerStep;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS",
            description = "Save a checkpoint every this many steps (default: 100, ~11 min at 16M tokens).")
    Integer checkpointEvery;

    @Option(names = "--eval-every", paramLabel = "STEPS",
            description = "Evaluate every this many steps, 0 for never (default: 1000).")
    Integer evalEvery;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Run name in the log header (default: describes the simulation).")
    String name;

    @Option(names = "--start", paramLabel = "TIME",
            description = "First job start (ISO-8601 with offset, or epoch seconds; default: 2024-03-04T00:00:00Z).")
    String start;

    @Override
    public Integer call() throws IOException {
        if (accelerators <= 0 || !(days > 0) || stepSeconds != null && !(stepSeconds > 0)
                || tokensPerStep != null && tokensPerStep <= 0 || checkpointEvery != null && checkpointEvery <= 0
                || evalEvery != null && evalEvery < 0) {
            spec.commandLine().getErr().println("goodput: error: expected positive --accelerators, --days, "
                    + "--step-seconds, --tokens-per-step and --checkpoint-every, and --eval-every of 0 or more");
            return 1;
        }
        SimulationSpec s = SimulationSpec.llama3(seed).withDays(days).withAccelerators(accelerators);
        s = s.withName(name != null ? name : SimulationSpec.defaultName(s.cluster(), seed));
        if (tokensPerStep != null) {
            s = s.withTokensPerStep(tokensPerStep);
        }
        if (stepSeconds != null) {
            s = s.withStepSeconds(stepSeconds);
        }
        if (checkpointEvery != null) {
            s = s.withCadence(s.cadence().withCheckpointEverySteps(checkpointEvery));
        }
        if (evalEvery != null) {
            s = s.withCadence(s.cadence().withEvalEverySteps(evalEvery));
        }
        if (start != null) {
            s = s.withStartUs(CliTimes.parseMicros(start, "the start time", spec.commandLine()));
        }
        Run run = RunSimulator.simulate(s);
        write(run, out);
        long restarts = Math.max(0, run.attempts().size() - 1);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %,d step executions, %,d job attempts "
                        + "(%,d restarts), %,d logged faults, %,d checkpoints%n", out, run.steps().size(),
                run.attempts().size(), restarts, run.faults().size(), run.checkpoints().size());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Gzip at the best compression when the name ends in .gz: the committed sample must stay small. */
    private static void write(Run run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream body = gzip ? new BestGzip(raw) : raw;
             Writer w = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
            new RunLogWriter().write(run, w);
        }
    }

    /** GZIPOutputStream only exposes its Deflater to subclasses. */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
