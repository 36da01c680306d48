package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.crlf;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.gzip;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.of;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.read;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.resource;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.unknown;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NemoRecogniserTest {
    static final Path BASELINE = resource("nemo2__resiliency_demo__1_baseline_8gpu.log");
    static final Path CRASH = resource("nemo2__resiliency_demo__2_ft_launcher_crash_injob_restart.log");
    static final Path STRAGGLER = resource("nemo2__resiliency_demo__3a_straggler_detection.log");
    static final Path CLOCKS_LOCKED = resource("nemo2__resiliency_demo__3b_straggler_gpu_clocks_locked.log");
    static final Path PREEMPTION = resource("nemo2__resiliency_demo__4_preemption_sigterm.log");

    @Test
    void baselineStepsAreNumberedByTheGlobalStepAcrossEpochs() throws Exception {
        FileEvents f = read(BASELINE, "nemo");
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(20, steps.size());
        for (int i = 0; i < 20; i++) {
            TrainerEvent.Steps s = steps.get(i);
            assertEquals(i, s.lastStep(), "global_step " + i);
            assertEquals(1, s.count());
            assertEquals(512, s.batch());
            assertTrue(unknown(s.timeUs()), "progress lines carry no time");
            assertTrue(Double.isNaN(s.flopRate()));
        }
        assertEquals(10_310_000, steps.get(0).stepUs());
        // "Training epoch 1, iteration 0/19 | ... | global_step: 19 | ... | train_step_timing in s: 7.592"
        assertEquals(19, steps.get(19).lastStep());
        assertEquals(7_592_000, steps.get(19).stepUs());
        assertEquals(BASELINE + ":163", steps.get(19).source().toString());
    }

    @Test
    void baselineAsyncSavesBlockFromTheLastStepToTheScheduledLine() throws Exception {
        FileEvents f = read(BASELINE, "nemo");
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(4, saves.size());
        assertEquals(TrainerEvent.Edge.START, saves.get(0).edge());
        assertTrue(unknown(saves.get(0).timeUs()), "the save starts when step 9 ended");
        assertEquals(9, saves.get(0).step());
        assertEquals(TrainerEvent.Edge.END, saves.get(1).edge());
        assertEquals(utc(2025, 3, 7, 22, 35, 22, 0), saves.get(1).timeUs());
        assertEquals(9, saves.get(1).step(), "the file name's step=9, the step the checkpoint holds");
        assertEquals(18, saves.get(3).step());
        assertEquals(utc(2025, 3, 7, 22, 36, 31, 0), saves.get(3).timeUs());
        // "Async checkpoint save for step 10 (...) finalized successfully." is the background part: an anchor only.
        assertTrue(of(f, TrainerEvent.Marker.class).stream().anyMatch(m -> m.timeUs() == utc(2025, 3, 7, 22, 35, 29, 0)
                && m.what().contains("finalized")));
        TrainerEvent.End end = of(f, TrainerEvent.End.class).get(0);
        assertEquals(EndReason.COMPLETED, end.reason());
        assertTrue(end.message().contains("max_steps=20"), end.message());
        assertEquals(List.of("8"), settings(f, TrainerEvent.SettingKey.WORLD_SIZE));
        assertEquals(List.of("512"), settings(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
    }

    @Test
    void startupLinesAnchorTheFirstStepButNotTheLinesWrittenInsideIt() throws Exception {
        FileEvents f = read(BASELINE, "nemo");
        List<TrainerEvent.Marker> markers = of(f, TrainerEvent.Marker.class);
        long firstStepLine = 139;
        TrainerEvent.Marker last = markers.stream().filter(m -> m.source().line() < firstStepLine)
                .reduce((a, b) -> b).orElseThrow();
        // "[NeMo I 2025-03-07 22:33:59 utils:302] Setting up optimizer ...", not the rerun state machine at 22:34:10.
        assertEquals(utc(2025, 3, 7, 22, 33, 59, 0), last.timeUs());
        assertTrue(markers.stream().noneMatch(m -> m.what().contains("Rerun")));
    }

    @Test
    void everyRealLogIsReadByNemoAndTorchelasticOnly() throws Exception {
        for (Path p : List.of(BASELINE, CRASH, STRAGGLER, CLOCKS_LOCKED, PREEMPTION)) {
            FileEvents all = read(p);
            assertEquals(List.of("nemo", "torchelastic"), List.copyOf(all.formats().keySet()).stream().sorted()
                    .toList(), p.toString());
            assertTrue(all.problems().isEmpty(), all.problems().toString());
            // NeMo's own records are the same read alone or among all formats: nothing steals them.
            FileEvents alone = read(p, "nemo");
            assertEquals(of(alone, TrainerEvent.Steps.class), of(all, TrainerEvent.Steps.class));
            assertEquals(of(alone, TrainerEvent.CheckpointSave.class), of(all, TrainerEvent.CheckpointSave.class));
            assertEquals(of(alone, TrainerEvent.End.class), of(all, TrainerEvent.End.class));
        }
    }

    @Test
    void inJobRestartResumesFromTheStep9Checkpoint() throws Exception {
        FileEvents f = read(CRASH);
        List<Long> steps = of(f, TrainerEvent.Steps.class).stream().map(TrainerEvent.Steps::lastStep).toList();
        assertEquals(26, steps.size());
        assertEquals(15L, steps.get(15), "the first attempt's last step before the crash at 17");
        assertEquals(10L, steps.get(16), "resumed at global step 10");
        assertEquals(19L, steps.get(25));
        List<TrainerEvent.CheckpointLoad> loads = of(f, TrainerEvent.CheckpointLoad.class);
        assertEquals(2, loads.size());
        assertEquals(TrainerEvent.Edge.START, loads.get(0).edge());
        assertEquals(9, loads.get(0).step(), "…/model_name=0--val_loss=0.00-step=9-consumed_samples=5120.0-last/weights");
        assertEquals(TrainerEvent.Edge.END, loads.get(1).edge());
        assertEquals(1, of(f, TrainerEvent.Restart.class).size());
        assertEquals(EndReason.COMPLETED, of(f, TrainerEvent.End.class).get(0).reason());
        // The second program start has its own startup anchors (after "Starting worker group" again).
        assertTrue(of(f, TrainerEvent.Marker.class).stream().anyMatch(m -> m.source().line() > 630
                && m.what().startsWith("Experiments will be logged at")));
    }

    @Test
    void stragglerDetectionStoppingTrainingIsAFaultNamingTheRanksAndScores() throws Exception {
        FileEvents f = read(STRAGGLER);
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        TrainerEvent.Fault s = faults.get(0);
        assertEquals("straggler", s.cause());
        assertEquals(Layer.INFRA, s.layer());
        assertEquals(utc(2025, 3, 7, 22, 43, 58, 0), s.timeUs());
        assertEquals(5, s.rank(), "the lowest relative score (0.97) of the affected ranks, first listed");
        assertEquals("4809917ea058", s.node());
        assertTrue(s.message().contains("5 (0.97), 6 (0.98), 1 (0.98), 4 (0.97), 0 (0.98), 2 (0.99)"), s.message());
        assertEquals(STRAGGLER + ":181", s.source().toString());
        // The save it makes on its way out, after step 16.
        assertTrue(of(f, TrainerEvent.CheckpointSave.class).stream().anyMatch(c -> c.step() == 16
                && c.edge() == TrainerEvent.Edge.END));
        // The report's lines are the straggler callback's, not left for other formats.
        assertEquals(16, of(f, TrainerEvent.Steps.class).size());
    }

    @Test
    void stragglerReportsWithoutDetectionAreNoFault() throws Exception {
        FileEvents f = read(CLOCKS_LOCKED);
        assertTrue(of(f, TrainerEvent.Fault.class).isEmpty());
        assertEquals(20, of(f, TrainerEvent.Steps.class).size());
        assertEquals(EndReason.COMPLETED, of(f, TrainerEvent.End.class).get(0).reason());
    }

    @Test
    void gracefulStopOnSigtermEndsPreempted() throws Exception {
        FileEvents f = read(PREEMPTION);
        assertEquals(List.of(0L, 1L, 2L), of(f, TrainerEvent.Steps.class).stream()
                .map(TrainerEvent.Steps::lastStep).toList());
        TrainerEvent.End end = of(f, TrainerEvent.End.class).get(0);
        assertEquals(EndReason.PREEMPTED, end.reason());
        assertEquals(utc(2025, 3, 7, 22, 48, 3, 0), end.timeUs());
        assertTrue(of(f, TrainerEvent.Marker.class).stream().anyMatch(m -> m.what().startsWith("Received signal 15")));
        TrainerEvent.CheckpointSave saved = of(f, TrainerEvent.CheckpointSave.class).get(1);
        assertEquals(3, saved.step());
        assertEquals(utc(2025, 3, 7, 22, 48, 6, 0), saved.timeUs());
        assertTrue(of(f, TrainerEvent.Fault.class).isEmpty(), "a graceful stop: no fault");
    }

    @Test
    void crlfAndGzipCopiesReadTheSame(@TempDir Path dir) throws Exception {
        FileEvents plain = read(CRASH, "nemo");
        for (Path p : List.of(crlf(CRASH, dir), gzip(CRASH, dir))) {
            FileEvents copy = read(p, "nemo");
            assertEquals(plain.events().size(), copy.events().size(), p.toString());
            assertEquals(of(plain, TrainerEvent.Steps.class).stream().map(s -> s.lastStep() + "/" + s.stepUs()).toList(),
                    of(copy, TrainerEvent.Steps.class).stream().map(s -> s.lastStep() + "/" + s.stepUs()).toList());
            assertEquals(of(plain, TrainerEvent.CheckpointSave.class).stream().map(TrainerEvent::timeUs).toList(),
                    of(copy, TrainerEvent.CheckpointSave.class).stream().map(TrainerEvent::timeUs).toList());
        }
    }

    @Test
    void aCutLastIterationLineIsAWarning(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(BASELINE, StandardCharsets.UTF_8).subList(0, 160);
        String cut = lines.get(159).substring(0, lines.get(159).indexOf("global_step: ") + 9);
        List<String> text = new java.util.ArrayList<>(lines.subList(0, 159));
        text.add(cut);
        Path p = write(dir, "cut.log", String.join("\n", text));
        FileEvents f = read(p, "nemo");
        assertEquals(18, of(f, TrainerEvent.Steps.class).size(), "steps 0–17; 18's line is cut");
        Problem w = f.problems().get(0);
        assertTrue(w.message().contains("expected 'key: value'"), w.message());
        assertTrue(w.message().contains("cut"), w.message());
    }

    @Test
    void aCutLineInsideTheLogIsAnErrorWhenStrictAndSkippedWhenLenient(@TempDir Path dir) throws Exception {
        Path p = write(dir, "mid.log", """
                [default0]:Training epoch 0, iteration 1/19 | lr: 2.999e-07 | global_batch_size: 512 | global_step: 1 | reduced_train_loss: 11.03 | train_step_timing in s: 7.549
                [default0]:Training epoch 0, iteration 2/19 | lr: 4.498e-07 | global_batch_size: 512 | global_step: 2 | reduced_train_loss: 11.03 | train_step_timing in s: x
                [default0]:Training epoch 0, iteration 3/19 | lr: 5.997e-07 | global_batch_size: 512 | global_step: 3 | reduced_train_loss: 11.03 | train_step_timing in s: 7.561
                """);
        InputException e = assertThrows(InputException.class, () -> read(p, "nemo"));
        assertTrue(e.getMessage().contains("mid.log:2"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a number after 'train_step_timing in s:'"), e.getMessage());
        FileEvents lenient = read(p, LoadMode.LENIENT, "nemo");
        assertEquals(List.of(1L, 3L), of(lenient, TrainerEvent.Steps.class).stream()
                .map(TrainerEvent.Steps::lastStep).toList());
        assertEquals(2, of(lenient, TrainerEvent.Steps.class).get(1).count(), "step 2's line was skipped");
    }

    @Test
    void otherPrefixesOptionalFieldsAndMentionsInPassing(@TempDir Path dir) throws Exception {
        Path p = write(dir, "ray.log", """
                (pretraining, pid=4112) [NeMo I 2025-05-22 20:08:40 nemo_logging:393] Global Checkpoint Save : Rank: 0 : Iteration: 49 : Start time: 1747944500.250s : Save duration: 23.107s
                (pretraining, pid=4112) [NeMo I 2025-05-22 20:08:53 model_checkpoint:497] Scheduled async checkpoint save for /mnt/ckpt/モデル/model_name=0--step=49-consumed_samples=9728.0-last.ckpt
                (pretraining, pid=4112) Training epoch 1, iteration 0/999 | lr: 2.999e-06 | global_batch_size: 128 | global_step: 50 | reduced_train_loss: 11.03 | train_step_timing in s: 8.768 | TFLOPS_per_GPU: 1.831e+03 | consumed_samples: 6528
                (pretraining, pid=4112) [NeMo I 2025-05-22 20:09:02 nemo_logging:393] Successfully saved checkpoint from iteration 49 to /mnt/ckpt/モデル/model_name=0--step=49-consumed_samples=9728.0-last.ckpt
                (pretraining, pid=4112) [NeMo I 2025-05-22 20:09:30 nemo_logging:393] Successfully saved checkpoint from iteration 50 to /mnt/ckpt/step=50.ckpt
                (pretraining, pid=4112) [NeMo W 2025-05-22 20:09:41 nemo_logging:393] Training epoch 1 finished early
                Validation: iteration 1/2
                Validation: iteration 2/2
                Training epoch 2, iteration 3/10 | lr: 1e-05 | train_step_timing in s: 1.5
                """);
        FileEvents f = read(p, "nemo");
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(4, saves.size(), "the global save's start and end (the scheduled and saved lines of the same step "
                + "add none), then a save of step 50 from its 'Successfully saved' line alone");
        assertEquals(1_747_944_500_250_000L, saves.get(0).timeUs());
        assertEquals(1_747_944_500_250_000L + 23_107_000, saves.get(1).timeUs());
        assertEquals(23_107_000, saves.get(1).durationUs());
        assertEquals(49, saves.get(1).step());
        assertTrue(unknown(saves.get(2).timeUs()), "from the end of step 50");
        assertEquals(50, saves.get(3).step());
        assertEquals(utc(2025, 5, 22, 20, 9, 30, 0), saves.get(3).timeUs());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(1.831e15, steps.get(0).flopRate(), 1e6);
        assertEquals(50, steps.get(0).lastStep());
        assertEquals(25, steps.get(1).lastStep(), "no global_step: epoch 2 × 11 + iteration 3 ('iteration i/10' "
                + "counts 0 to 10)");
        assertEquals(-1, steps.get(1).batch());
        assertEquals(List.of(NemoRecogniser.FLOP_FIGURE), settings(f, TrainerEvent.SettingKey.FLOP_FIGURE));
        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(List.of(TrainerEvent.Edge.START, TrainerEvent.Edge.END), evals.stream()
                .map(TrainerEvent.Evaluation::edge).toList());
        assertFalse(f.problems().stream().anyMatch(x -> x.message().contains("Training epoch")));
    }

    private static List<String> settings(FileEvents f, TrainerEvent.SettingKey key) {
        return of(f, TrainerEvent.Setting.class).stream().filter(s -> s.key() == key).map(TrainerEvent.Setting::value)
                .toList();
    }
}
