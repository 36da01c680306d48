package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.io.logs.MegatronTestFiles.GPT2_TRAIN;
import static dev.goodput.core.io.logs.MegatronTestFiles.of;
import static dev.goodput.core.io.logs.MegatronTestFiles.readAll;
import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Megatron logs loaded and derived as {@code goodput report} does. */
class MegatronEndToEndTest {
    @TempDir
    Path tmp;

    private static GoodputReport report(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    /**
     * GPT-2 345M, Megatron-LM 2023, no time on any line but the datetime markers. By hand from the file: training
     * starts at 14:05:15 ('before the start of training step') and is done at 15:36:49 ('after training is done'
     * at iteration 2000 of 2000): a window of 5,494 s, one completed attempt. The 20 reports of 100 iterations
     * sum to 5,429.5 s of steps (their means × 100); the saves at 1000 and 2000 blocked 33.545 s and 52.794 s by
     * their timers. (Steps and saves sum to 21.8 s more than the window: Megatron's means are measured on one
     * rank, the markers on another.) The excerpt has no arguments dump: how many iterations the first report (at
     * iteration 100) covers is the stitcher's guess (all 100 from iteration 0, or only the one it can place), so
     * the counts below allow either.
     */
    @Test
    void untimedGpt2Run() throws Exception {
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(GPT2_TRAIN));
        assertEquals(1, run.attempts().size());
        assertEquals(EndReason.COMPLETED, run.attempts().get(0).endReason());
        assertEquals(utc("2023-07-16T14:05:15"), run.attempts().get(0).startUs());
        int n = run.steps().size();
        // Untimed steps are chained after the saves they follow (a save's time is not productive); the first report,
        // untimed with no log interval, counts one iteration (an untimed guess cannot be bounded), so the chain
        // ends before the done marker, where the attempt ends.
        assertEquals(utc("2023-07-16T15:36:49"), run.attempts().get(0).endUs());
        assertTrue(run.steps().endUs(n - 1) <= utc("2023-07-16T15:36:49"));
        assertTrue(n == 2000 || n == 1901, "steps " + n);
        assertEquals(2000, run.steps().number(n - 1));
        assertEquals(101, run.steps().number(n - 1900)); // iterations 101..2000 from the reports at 200..2000
        assertTrue(run.steps().startUs(0) >= utc("2023-07-16T14:05:15"));

        assertTrue(run.checkpoints().stream().anyMatch(c -> c.step() == 1000 && c.blockingUs() == 33_545_120),
                run.checkpoints().toString());
        assertTrue(run.checkpoints().stream().anyMatch(c -> c.step() == 2000 && c.blockingUs() == 52_793_870),
                run.checkpoints().toString());

        GoodputReport r = report(run);
        assertEquals(5494, r.windowSeconds(), 1e-9);
        assertEquals(1.0, r.goodput().infra(), 1e-12);
        assertTrue(seconds(r, "checkpoint_save") >= 33.545 + 52.794 - 1e-3, r.badput().toString());
        // Productive is the steps' time (the first report's 99 unplaced iterations, 291.7 s, less when it counts
        // one) less what the saves took of it and the first step's excess (startup).
        assertTrue(r.productiveSeconds() > 5429.5 - 291.7 - 33.6 - 3 && r.productiveSeconds() <= 5429.5,
                "productive " + r.productiveSeconds());
        assertTrue(r.goodput().framework() > 0.92, r.goodput().toString());
    }

    /**
     * A generated Megatron-LM log (the benchmark's) with restarts: every iteration line is one report, every save
     * and restart is found, and the run's steps are the iterations of the last attempt after each restart's
     * rollback (the repeated ones are counted as wasted progress, not twice).
     */
    @Test
    void generatedLogWithRestarts() throws Exception {
        Path log = tmp.resolve("generated.log");
        MegatronLogGenerator.Written w = MegatronLogGenerator.write(log, 3_000_000, 42, 1500);
        assertTrue(w.restarts() >= 1 && w.saves() >= 2, w.toString());
        assertEquals(w.bytes(), Files.size(log));
        double iterationShare = (double) w.iterations() / w.lines();
        assertTrue(iterationShare > 0.2 && iterationShare < 0.45, "iteration lines " + iterationShare);

        FileEvents f = readAll(log, LoadMode.STRICT);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(w.lines(), f.lines());
        assertEquals(w.iterations(), of(f, TrainerEvent.Steps.class).size());
        assertEquals(w.restarts() + 1, of(f, TrainerEvent.Launch.class).size());
        assertEquals(w.saves(), of(f, TrainerEvent.CheckpointSave.class).stream()
                .filter(s -> s.edge() == TrainerEvent.Edge.END).count());
        assertEquals(w.loads(), of(f, TrainerEvent.CheckpointLoad.class).stream()
                .filter(s -> s.edge() == TrainerEvent.Edge.END && s.durationUs() > 0).count());
        assertEquals(w.evaluations(), of(f, TrainerEvent.Evaluation.class).stream()
                .filter(e -> e.durationUs() > 0).count());

        Run run = new RunLoader(LoadMode.STRICT).load(List.of(log));
        assertEquals(w.restarts() + 1, run.attempts().size());
        assertEquals(MegatronLogGenerator.WORLD_SIZE, run.metadata().acceleratorCount());
        assertEquals(w.saves(), run.checkpoints().stream().map(Checkpoint::step).distinct().count());
        GoodputReport r = report(run);
        assertTrue(r.productiveSeconds() > 0 && r.goodput().framework() < 1, r.goodput().toString());
        assertTrue(seconds(r, "checkpoint_save") > 0 && seconds(r, "evaluation") > 0, r.badput().toString());
    }
}
