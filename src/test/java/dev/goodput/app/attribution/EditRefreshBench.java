package dev.goodput.app.attribution;

import dev.goodput.app.SummaryViewModel;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Layer;
import dev.goodput.core.sim.Cadence;
import dev.goodput.core.sim.RunSimulator;
import dev.goodput.core.sim.SimulationSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What one attribution edit costs the workbench end to end, beyond the core's incremental re-derivation (which
 * {@code AttributionBench} times): the session publishing the attributed derivation (the list of pieces) with the
 * attribution table's rows, the rules list and the figures (the summary) following it, the timeline lanes for it,
 * and the waterfall model; then its undo with all of that again, as one figure. Same runs as {@code AttributionBench} (the Llama 3 simulator
 * stretched to 86 days, at its cadence and dense), each in its own JVM; medians of 30 after 10 warm-up edits. Needs no display. Run with
 * {@code java -cp target/classes:$(cat cp.txt) dev.goodput.app.attribution.EditRefreshBench}; results in
 * docs/performance.md.
 */
public final class EditRefreshBench {
    private static final int WARMUP = 10;
    private static final int TIMED = 30;

    private EditRefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("| partition | intervals | edit, publish, table and rules rebuilt ms | timeline lanes ms "
                    + "| waterfall model ms | total ms | total, thread CPU ms | its undo, end to end ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String p : new String[]{"sparse", "dense"}) {
                Process fork = new ProcessBuilder(java, "-Xmx8g", "-cp", System.getProperty("java.class.path"),
                        EditRefreshBench.class.getName(), p).inheritIO().start();
                if (fork.waitFor() != 0) {
                    throw new IllegalStateException("the fork for the " + p + " partition failed");
                }
            }
            return;
        }
        boolean dense = args[0].equals("dense");
        SimulationSpec spec = SimulationSpec.llama3(SimulationSpec.DEFAULT_SEED).withDays(86);
        if (dense) {
            spec = spec.withCadence(new Cadence(1, 0.25, 0, 0));
        }
        Derivation base = GoodputDeriver.derive(RunSimulator.simulate(spec), DerivationSettings.defaults());
        AttributionSession session = new AttributionSession();
        session.load(base, Overlay.EMPTY);
        // The window's views of the session: their rebuild after each edit is part of the edit's cost.
        AttributionRows table = new AttributionRows(session);
        RulesViewModel rules = new RulesViewModel(session);
        // The figures follow every edit as the window's do (MainWindow: the summary shows the edited derivation).
        SummaryViewModel summary = new SummaryViewModel();
        summary.showRun(List.of(), session.derivationProperty().get());
        session.derivationProperty().addListener(o -> summary.showEdited(session.derivationProperty().get(),
                session.attribution().ruleWarnings()));
        TimelineLanes.of(session.derivationProperty().get());
        List<AttributedInterval> lost = new ArrayList<>();
        for (AttributedInterval r : session.rows()) {
            if (r.lost()) {
                lost.add(r);
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        double[] publish = new double[TIMED];
        double[] lanes = new double[TIMED];
        double[] waterfall = new double[TIMED];
        double[] undo = new double[TIMED];
        double[] cpu = new double[TIMED];
        // CPU time of this (the FX-like) thread: what a loaded machine's wall clock blurs.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = -WARMUP; i < TIMED; i++) {
            AttributedInterval row = lost.get(random.nextInt(lost.size()));
            Edit e = session.tagging().tag(session.attribution().at(row.startUs()).orElseThrow(), "faulty_gpu",
                    Layer.INFRA, "");
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            session.apply(e);
            long t1 = System.nanoTime();
            TimelineLanes.of(session.derivationProperty().get());
            long t2 = System.nanoTime();
            WaterfallModel.of(session.derivationProperty().get().report(), 0.005);
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            // The undo is an edit too, and the timeline follows it (as the window's does every derivation).
            session.undo();
            TimelineLanes.of(session.derivationProperty().get());
            WaterfallModel.of(session.derivationProperty().get().report(), 0.005);
            long t4 = System.nanoTime();
            if (table.allRows().isEmpty() || rules.rows() == null) {
                throw new IllegalStateException("the views were not kept");
            }
            if (i >= 0) {
                publish[i] = (t1 - t0) / 1e6;
                lanes[i] = (t2 - t1) / 1e6;
                waterfall[i] = (t3 - t2) / 1e6;
                undo[i] = (t4 - t3) / 1e6;
                cpu[i] = (c3 - c0) / 1e6;
            }
        }
        double p = median(publish);
        double l = median(lanes);
        double w = median(waterfall);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f |%n",
                dense ? "dense (checkpoint every step)" : "simulator cadence", base.intervals().size(), p, l, w,
                p + l + w, median(cpu), median(undo));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
