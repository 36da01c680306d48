package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.io.RunLogWriter;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Run;
import dev.goodput.core.sim.Cadence;
import dev.goodput.core.sim.RunSimulator;
import dev.goodput.core.sim.SimulationSpec;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Benchmark of attribution edits on a run of about 10^6 step executions: the simulated Llama 3 405B run
 * (16,384 GPUs, Table 5 failure rates) stretched to 86 days, written as a JSON Lines log and loaded back
 * (so every record has its file and line, as rules see them), then derived. Times single edits through an
 * {@link EditHistory} (each the median of 200 after 100 warm-up, each undone after being timed, so the
 * state stays the same) against the full re-derivation and the one-pass attribution. Two partitions: the
 * simulator's cadence (a checkpoint every 100 steps, an evaluation every 1,000) and a dense one (a 0.25 s
 * blocking save after every step, so two intervals per step), each in its own JVM. Run with
 * {@code java -cp target/classes:$(cat cp.txt) dev.goodput.core.attribution.AttributionBench};
 * results in docs/performance.md.
 */
public final class AttributionBench {
    private static final double DAYS = 86;
    private static final int WARMUP = 100;
    private static final int TIMED = 200;
    private static final long DAY_US = 86_400_000_000L;

    private AttributionBench() {
    }

    /** Without arguments each partition runs in its own JVM (as JMH forks); with one, it runs here. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("| partition | step executions | intervals | full derivation ms "
                    + "| one-pass attribution ms "
                    + "| tag 1 interval ms | tag a 1-day range ms | toggle a rule ms | undo ms "
                    + "| tag all unattributed in the window ms | add a rule (finds its intervals) ms | intervals() list ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String p : new String[]{"sparse", "dense"}) {
                Process fork = new ProcessBuilder(java, "-Xmx8g", "-cp", System.getProperty("java.class.path"),
                        AttributionBench.class.getName(), p).inheritIO().start();
                if (fork.waitFor() != 0) {
                    throw new IllegalStateException("the fork for the " + p + " partition failed");
                }
            }
            return;
        }
        boolean dense = args[0].equals("dense");
        SimulationSpec spec = SimulationSpec.llama3(SimulationSpec.DEFAULT_SEED).withDays(DAYS);
        if (dense) {
            spec = spec.withCadence(new Cadence(1, 0.25, 0, 0));
        }
        Derivation base = GoodputDeriver.derive(loadBack(RunSimulator.simulate(spec)), DerivationSettings.defaults());
        double[] derive = new double[3];
        double[] onePass = new double[3];
        for (int i = 0; i < derive.length; i++) {
            long t0 = System.nanoTime();
            GoodputDeriver.derive(base.run(), DerivationSettings.defaults());
            long t1 = System.nanoTime();
            IncrementalAttribution.of(base, Overlay.EMPTY);
            long t2 = System.nanoTime();
            derive[i] = (t1 - t0) / 1e6;
            onePass[i] = (t2 - t1) / 1e6;
        }
        IncrementalAttribution attribution = IncrementalAttribution.of(base, Overlay.EMPTY);
        EditHistory history = new EditHistory(attribution);
        int[] ids = {0};
        Tagging tagging = new Tagging(attribution::overlay, () -> "t" + ++ids[0]);
        SplittableRandom r = new SplittableRandom(1);
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < base.intervals().size(); i++) {
            if (!base.intervals().get(i).productive()) {
                lost.add(i);
            }
        }
        long from = base.window().startUs();
        long span = base.window().durationUs() - DAY_US;
        Supplier<Edit> tagOne = () -> {
            Interval iv = base.intervals().get(lost.get(r.nextInt(lost.size())));
            return tagging.tag(attribution.at(iv.startUs()).orElseThrow(), "faulty_gpu", Layer.INFRA, "");
        };
        Timing oneInterval = time(history, tagOne);
        Timing oneDay = time(history, () -> {
            long start = from + r.nextLong(span);
            return tagging.tagRange(start, start + DAY_US, "checkpoint_restore", Layer.FRAMEWORK, false, "");
        });
        Timing everything = time(history, () -> tagging.tagRange(base.window().startUs(), base.window().endUs(),
                "scheduler", Layer.INFRA, true, ""));
        int[] rules = {0};
        Timing ruleAdded = time(history, () -> { // a new pattern each time: its intervals are found afresh
            int n = ++rules[0];
            return new Edit.AddRule(new Rule("r" + n, "Xid faults", "Xid|never-logged-" + n, null, Long.MIN_VALUE,
                    Long.MAX_VALUE, "gpu_xid", Layer.INFRA, true));
        });
        history.apply(new Edit.AddRule(new Rule("xid", "Xid faults", "Xid", null, Long.MIN_VALUE, Long.MAX_VALUE,
                "gpu_xid", Layer.INFRA, true)));
        Timing toggle = time(history, () -> tagging.toggleRule("xid"));
        double[] list = new double[20];
        for (int i = -5; i < list.length; i++) {
            history.apply(tagOne.get());
            long t0 = System.nanoTime();
            attribution.intervals();
            if (i >= 0) {
                list[i] = (System.nanoTime() - t0) / 1e6;
            }
            history.undo();
        }
        System.out.printf(Locale.ROOT,
                "| %s | %,d | %,d | %.0f | %.0f | %.3f | %.3f | %.3f | %.3f | %.1f | %.3f | %.0f |%n",
                dense ? "dense (checkpoint every step)" : "simulator cadence", base.run().steps().size(),
                base.intervals().size(), median(derive), median(onePass), oneInterval.applyMs(), oneDay.applyMs(),
                toggle.applyMs(), oneDay.undoMs(), everything.applyMs(), ruleAdded.applyMs(), median(list));
    }

    /** Medians of applying an edit and of undoing it. */
    private record Timing(double applyMs, double undoMs) {
    }

    private static Timing time(EditHistory history, Supplier<Edit> edits) {
        double[] apply = new double[TIMED];
        double[] undo = new double[TIMED];
        for (int i = -WARMUP; i < TIMED; i++) {
            Edit e = edits.get();
            long t0 = System.nanoTime();
            history.apply(e);
            long t1 = System.nanoTime();
            history.undo();
            long t2 = System.nanoTime();
            if (i >= 0) {
                apply[i] = (t1 - t0) / 1e6;
                undo[i] = (t2 - t1) / 1e6;
            }
        }
        return new Timing(median(apply), median(undo));
    }

    /** Through a file, so records carry their lines (a run made in memory has none). */
    private static Run loadBack(Run simulated) throws Exception {
        Path file = Files.createTempFile("goodput-attribution-bench-", ".jsonl");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new RunLogWriter().write(simulated, w);
            }
            return new RunLoader(LoadMode.STRICT).load(List.of(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
