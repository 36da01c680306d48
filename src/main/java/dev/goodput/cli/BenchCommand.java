package dev.goodput.cli;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.io.RunLogWriter;
import dev.goodput.core.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code goodput bench}: measures loading and deriving synthetic runs of growing size (median of
 * repeated runs after warm-up), for docs/performance.md. Not a test: numbers depend on the machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark run-log loading and goodput derivation on synthetic runs.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--steps", split = ",", defaultValue = "10000,100000,1000000",
            description = "Run sizes in step executions (default: ${DEFAULT-VALUE}); 0 to skip.")
    List<Integer> sizes;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed repetitions per size (default: 5).")
    int repeat;

    @Option(names = "--trace-kernels", split = ",", defaultValue = "100000,400000",
            description = "Synthetic Kineto trace sizes in kernels (default: ${DEFAULT-VALUE}); 0 to skip.")
    List<Integer> traceSizes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        runLogs(out);
        traces(out);
        return 0;
    }

    /** Kineto trace loading (MB/s of JSON) and the HTA-style breakdown, plain and gzip. */
    private void traces(PrintWriter out) throws Exception {
        if (traceSizes.isEmpty() || traceSizes.get(0) <= 0) {
            return;
        }
        out.println();
        out.println("| kernels | form | file MB | JSON MB | load s (JSON MB/s) | analyse s |");
        out.println("|---:|---|---:|---:|---:|---:|");
        for (int n : traceSizes) {
            Path plain = Files.createTempFile("goodput-bench-", ".json");
            Path gz = Files.createTempFile("goodput-bench-", ".json.gz");
            try {
                SyntheticTrace.write(plain, n, false, 42);
                SyntheticTrace.write(gz, n, true, 42);
                double jsonMb = Files.size(plain) / 1e6;
                for (Path f : List.of(plain, gz)) {
                    dev.goodput.core.profile.KinetoTraceReader reader = new dev.goodput.core.profile.KinetoTraceReader();
                    reader.read(f); // warm-up
                    double[] load = new double[repeat];
                    double[] analyse = new double[repeat];
                    for (int i = 0; i < repeat; i++) {
                        long t0 = System.nanoTime();
                        var trace = reader.read(f);
                        long t1 = System.nanoTime();
                        dev.goodput.core.profile.analysis.ProfileAnalyzer.analyze(trace,
                                dev.goodput.core.profile.analysis.ProfileSettings.defaults());
                        long t2 = System.nanoTime();
                        load[i] = (t1 - t0) / 1e9;
                        analyse[i] = (t2 - t1) / 1e9;
                    }
                    double l = median(load);
                    out.printf(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %.3f (%.0f) | %.3f |%n", n,
                            f == gz ? "gzip" : "json", Files.size(f) / 1e6, jsonMb, l, jsonMb / l, median(analyse));
                    out.flush();
                }
            } finally {
                Files.deleteIfExists(plain);
                Files.deleteIfExists(gz);
            }
        }
    }

    private void runLogs(PrintWriter out) throws Exception {
        if (sizes.isEmpty() || sizes.get(0) <= 0) {
            return;
        }
        out.println("| steps | file MB | load s (MB/s) | derive s | intervals | step columns MB | heap after load MB |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            Run synthetic = SyntheticRun.of(n, 42);
            Path file = Files.createTempFile("goodput-bench-", ".jsonl");
            try {
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new RunLogWriter().write(synthetic, w);
                }
                synthetic = null;
                double mb = Files.size(file) / 1e6;
                RunLoader loader = new RunLoader(LoadMode.STRICT);
                loader.load(List.of(file)); // warm-up
                double[] load = new double[repeat];
                double[] derive = new double[repeat];
                Run run = null;
                Derivation d = null;
                long heap = 0;
                for (int i = 0; i < repeat; i++) {
                    run = null;
                    d = null;
                    System.gc();
                    long t0 = System.nanoTime();
                    run = loader.load(List.of(file));
                    long t1 = System.nanoTime();
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    heap = Math.max(heap, rt.totalMemory() - rt.freeMemory());
                    long t2 = System.nanoTime();
                    d = GoodputDeriver.derive(run, DerivationSettings.defaults());
                    long t3 = System.nanoTime();
                    load[i] = (t1 - t0) / 1e9;
                    derive[i] = (t3 - t2) / 1e9;
                }
                double loadS = median(load);
                double columnsMb = run.steps().size() * (4 * 8 + 2 * 4) / 1e6;
                out.printf(Locale.ROOT, "| %,d | %.1f | %.3f (%.0f) | %.3f | %,d | %.1f | %.0f |%n", n, mb, loadS,
                        mb / loadS, median(derive), d.intervals().size(), columnsMb, heap / 1e6);
                out.flush();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
