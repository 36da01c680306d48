package dev.goodput.bench;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.io.logs.FileEvents;
import dev.goodput.core.io.logs.LogFormats;
import dev.goodput.core.io.logs.MegatronLogGenerator;
import dev.goodput.core.io.logs.TrainerLogReader;
import dev.goodput.core.model.Run;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Throughput of reading a generated Megatron-LM log (docs/performance.md, "Trainer logs"), beside the rate of merely
 * reading its lines with {@link BufferedReader#readLine} in the same JVM: every measure is the median of
 * {@code repeat} runs, the modes interleaved so that the machine's drift hits them alike. Test code, not shipped:
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.goodput.bench.TrainerLogBench 1024 3
 * </pre>
 * Arguments: megabytes of log (default 1024), repeats (default 3), and optionally the file to write it to.
 */
public final class TrainerLogBench {
    private TrainerLogBench() {
    }

    public static void main(String[] args) throws Exception {
        long mb = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"),
                "goodput-bench-megatron-" + mb + "mb.log");
        if (!Files.isRegularFile(file) || Files.size(file) < mb * 1_000_000L * 99 / 100) {
            long t0 = System.nanoTime();
            MegatronLogGenerator.Written w = MegatronLogGenerator.write(file, mb * 1_000_000L, 7);
            System.out.printf(Locale.ROOT, "generated %s: %,d bytes, %,d lines, %,d iterations, %d restarts in %.1f s%n",
                    file, w.bytes(), w.lines(), w.iterations(), w.restarts(), (System.nanoTime() - t0) / 1e9);
        }
        double bytes = Files.size(file);
        TrainerLogReader megatron = new TrainerLogReader(List.of(LogFormats.byId("megatron")), ZoneOffset.UTC,
                LoadMode.STRICT);
        TrainerLogReader all = new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, LoadMode.STRICT);
        RunLoader loader = new RunLoader(LoadMode.STRICT);
        String[] names = {"BufferedReader.readLine (no parsing)", "TrainerLogReader, megatron only",
                "TrainerLogReader, all formats (detection)", "RunLoader.load (all formats + stitching)"};
        List<Callable<Long>> modes = List.of(
                () -> readLines(file),
                () -> (long) megatron.read(file).events().size(),
                () -> (long) all.read(file).events().size(),
                () -> (long) loader.load(List.of(file)).steps().size());
        double[][] seconds = new double[modes.size()][repeat];
        long[] results = new long[modes.size()];
        for (int r = -1; r < repeat; r++) { // r = -1: warm-up
            for (int m = 0; m < modes.size(); m++) {
                System.gc();
                long t0 = System.nanoTime();
                results[m] = modes.get(m).call();
                if (r >= 0) {
                    seconds[m][r] = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        System.out.printf(Locale.ROOT, "file %.0f MB, %d runs each (median), %s %s, %d cores%n", bytes / 1e6, repeat,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        double base = median(seconds[0]);
        for (int m = 0; m < modes.size(); m++) {
            double s = median(seconds[m]);
            System.out.printf(Locale.ROOT, "%-45s %7.2f s  %6.0f MB/s  %5.0f%% of readLine  (%,d)%n", names[m], s,
                    bytes / 1e6 / s, 100 * base / s, results[m]);
        }
        System.gc();
        Run held = loader.load(List.of(file));
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "heap after load with the run held: %.0f MB (%,d steps)%n", heap / 1e6,
                held.steps().size());
    }

    private static long readLines(Path file) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
