package dev.goodput.cli;

import dev.goodput.core.io.RunLogWriter;
import dev.goodput.core.model.Run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the synthetic inputs of the whole-process comparisons in {@code bench/peers.sh} (test code, not shipped):
 * <pre>
 *   runlog N FILE      a canonical JSON Lines run log of N steps (SyntheticRun, as `goodput bench` loads)
 *   trace N FILE       a gzip Kineto trace of N kernels (SyntheticTrace, as `goodput bench` loads)
 *   mlgoodput N FILE   ml-goodput-measurement entries: a job start, then one entry per step, 1.5 s apart
 * </pre>
 */
public final class BenchInputs {
    private BenchInputs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BenchInputs runlog|trace|mlgoodput N FILE");
        }
        int n = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        switch (args[0]) {
            case "runlog" -> runLog(n, file);
            case "trace" -> SyntheticTrace.write(file, n, true, 42);
            case "mlgoodput" -> mlGoodput(n, file);
            default -> throw new IllegalArgumentException("unknown input kind " + args[0]);
        }
    }

    private static void runLog(int steps, Path file) throws IOException {
        Run run = SyntheticRun.of(steps, 42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new RunLogWriter().write(run, w);
        }
    }

    /** The same entries the library's own tests write: one JSON document with an "entries" array. */
    private static void mlGoodput(int steps, Path file) throws IOException {
        double t0 = 1717000000.0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"job_name\": \"bench\", \"query_time\": " + number(t0 + 60 + 1.5 * steps) + ", \"entries\": [");
            w.write("{\"job_name\": \"bench\", \"job_start_time\": " + number(t0) + "}");
            for (int i = 0; i < steps; i++) {
                w.write(", {\"job_name\": \"bench\", \"step_count\": " + i + ", \"step_start_time\": "
                        + number(t0 + 60 + 1.5 * i) + "}");
            }
            w.write("]}");
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
