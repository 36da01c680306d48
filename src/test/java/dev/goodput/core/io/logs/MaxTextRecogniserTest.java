package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.crlf;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.gzip;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.of;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.read;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.inYear;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.resource;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.unknown;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaxTextRecogniserTest {
    static final Path DPO = resource("maxtext__dpo_qwen3_demo_v5p-8__train_stderr.log");
    static final Path BARE = resource("maxtext__understand_logs_deepseek2-16b_v5p-8__steps.txt");

    @Test
    void glogStampedStepsWithTheirSecondsTflopsAndTokens() throws Exception {
        FileEvents f = read(DPO, "maxtext");
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(500, steps.size());
        TrainerEvent.Steps first = steps.get(0);
        assertEquals(1, first.lastStep());
        assertEquals(1, first.count());
        assertEquals(24_930_000, first.stepUs());
        assertEquals(0.861e12, first.flopRate(), 1e3);
        assertEquals(6965, first.tokens(), "total_weights");
        assertTrue(Double.isNaN(first.mfu()));
        // glog's "I0706 16:50:26.230209" has no year: it is the year of the file's TensorFlow lines (2026-07-06 ...).
        assertEquals(utc(2026, 7, 6, 16, 50, 26, 230_209), inYear(first.timeUs(), 2026));
        TrainerEvent.Steps last = steps.get(499);
        assertEquals(500, last.lastStep());
        assertEquals(15_688_000, last.stepUs());
        assertEquals(List.of(MaxTextRecogniser.FLOP_FIGURE), of(f, TrainerEvent.Setting.class).stream()
                .filter(s -> s.key() == TrainerEvent.SettingKey.FLOP_FIGURE).map(TrainerEvent.Setting::value).toList());
    }

    @Test
    void orbaxSynchronousSavesFromSavingToFinished() throws Exception {
        FileEvents f = read(DPO, "maxtext");
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(4, saves.size());
        assertEquals(TrainerEvent.Edge.START, saves.get(0).edge());
        assertEquals(1, saves.get(0).step());
        assertEquals(utc(2026, 7, 6, 16, 50, 15, 745_458), inYear(saves.get(0).timeUs(), 2026));
        assertEquals(TrainerEvent.Edge.END, saves.get(1).edge());
        assertEquals(utc(2026, 7, 6, 16, 50, 25, 4_477), inYear(saves.get(1).timeUs(), 2026),
                "Finished synchronous save., not the [sync] blocking part before it");
        assertEquals(500, saves.get(2).step());
        assertEquals(utc(2026, 7, 6, 16, 52, 53, 850_188), inYear(saves.get(3).timeUs(), 2026));
        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(utc(2026, 7, 6, 16, 52, 30, 610_337), inYear(evals.get(0).timeUs(), 2026));
        assertEquals(TrainerEvent.Edge.END, evals.get(1).edge());
    }

    @Test
    void bareLinesWithoutTimes() throws Exception {
        FileEvents f = read(BARE);
        assertEquals(List.of("maxtext"), List.copyOf(f.formats().keySet()));
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(10, steps.size());
        assertEquals(0, steps.get(0).lastStep(), "step 0 is the compile step, as logged");
        assertEquals(44_923_000, steps.get(0).stepUs());
        assertTrue(steps.stream().allMatch(s -> unknown(s.timeUs())));
        assertEquals(134.924e12, steps.get(9).flopRate(), 1e3);
        assertEquals(196_608, steps.get(9).tokens());
    }

    @Test
    void theRealLogsAreReadByMaxTextOnly(@TempDir Path dir) throws Exception {
        FileEvents all = read(DPO);
        assertEquals(List.of("maxtext"), List.copyOf(all.formats().keySet()));
        assertTrue(all.problems().isEmpty(), all.problems().toString());
        assertEquals(of(read(DPO, "maxtext"), TrainerEvent.Steps.class), of(all, TrainerEvent.Steps.class));
        for (Path p : List.of(crlf(DPO, dir), gzip(DPO, dir))) {
            FileEvents copy = read(p);
            assertEquals(of(all, TrainerEvent.Steps.class).stream().map(s -> s.lastStep() + "@" + s.timeUs()).toList(),
                    of(copy, TrainerEvent.Steps.class).stream().map(s -> s.lastStep() + "@" + s.timeUs()).toList());
            assertEquals(all.events().size(), copy.events().size());
        }
    }

    @Test
    void settingsRestoresAsyncSavesAndACutLastLine(@TempDir Path dir) throws Exception {
        // Lines as MaxText (train.py, max_utils.py, checkpointing.py) and Orbax write them.
        Path p = write(dir, "maxtext.log", """
                Config param max_target_length: 2048
                Config param global_batch_size_to_train_on: 96
                Config param run_name: démo-v5p
                Config param checkpoint_dir: gs://runner-maxtext-logs/démo-v5p/checkpoints/
                System Information: Jax Backend: PJRT C API
                TFRT TPU v5
                Num_devices: 4, shape (1, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1)
                number parameters: 15.933 billion
                I0706 16:50:15.000000 140110937163584 max_utils.py:1] Number of model params=1.104 billion, memory usage=2.057GB, bytes per param=2.000
                I0706 16:50:16.000000 140110937163584 checkpointing.py:1] restoring from this run's directory step 400
                I0706 16:50:20.500000 140110937163584 checkpointer.py:1] Finished restoring checkpoint in 4.50 seconds from gs://b/démo-v5p/checkpoints/400/items.
                I0706 16:51:00.000000 140110937163584 metric_logger.py:1] completed step: 409, seconds: 5.667, TFLOP/s/device: 134.924, Tokens/s/device: 8672.758, total_weights: 196608, loss: 10.374
                I0706 16:51:00.100000 140110937163584 checkpoint_manager.py:1512] [process=0] Saving checkpoint at step 409
                I0706 16:51:01.350000 140110937163584 event_tracking.py:125] [process=0] [async] Finished blocking save in 1.25 seconds. Continuing save @ gs://b/démo-v5p/checkpoints/409.
                I0706 16:51:01.360000 140110937163584 checkpointing.py:1] Started an asynchronous checkpoint save for step 409
                I0706 16:51:30.000000 140110937163584 checkpointing.py:1] Saved a checkpoint at step 414.
                I0706 16:51:35.000000 140110937163584 metric_logger.py:1] completed step: 415, seco""");
        FileEvents f = read(p, "maxtext");
        assertEquals(List.of("2048"), settings(f, TrainerEvent.SettingKey.SEQ_LENGTH));
        assertEquals(List.of("96"), settings(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertEquals(List.of("démo-v5p"), settings(f, TrainerEvent.SettingKey.RUN_NAME));
        assertEquals(List.of("TPU v5"), settings(f, TrainerEvent.SettingKey.ACCELERATOR));
        assertEquals(List.of("4"), settings(f, TrainerEvent.SettingKey.WORLD_SIZE));
        assertEquals(List.of("15.933B", "1.104B"), settings(f, TrainerEvent.SettingKey.PARAMETERS));
        List<TrainerEvent.CheckpointLoad> loads = of(f, TrainerEvent.CheckpointLoad.class);
        assertEquals(400, loads.get(0).step());
        assertEquals(4_500_000, loads.get(1).durationUs());
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(4, saves.size(), "one start and end per save; MaxText's own line after Orbax's adds none");
        assertEquals(409, saves.get(1).step());
        assertEquals(1_250_000, saves.get(1).durationUs(), "an asynchronous save blocks until its blocking part ends");
        assertTrue(unknown(saves.get(2).timeUs()), "no Orbax lines: the save began when the last step ended");
        assertEquals(414, saves.get(3).step());
        assertEquals(1, of(f, TrainerEvent.Steps.class).size());
        Problem cut = f.problems().get(0);
        assertTrue(cut.message().contains("expected 'seconds: <time>' after 'completed step: 415,'"), cut.message());
        assertEquals(17, cut.source().line());
    }

    @Test
    void aCutStepLineInsideTheLogIsAnError(@TempDir Path dir) throws Exception {
        Path p = write(dir, "cut.txt", """
                completed step: 3, seconds: 5.402, TFLOP/s/device: 141.542, Tokens/s/device: 9098.189, total_weights: 196608, loss: 11.379
                completed step: 4, sec
                completed step: 5, seconds: 5.668, TFLOP/s/device: 134.909, Tokens/s/device: 8671.794, total_weights: 196608, loss: 10.879
                """);
        InputException e = assertThrows(InputException.class, () -> read(p, "maxtext"));
        assertTrue(e.getMessage().contains("cut.txt:2"), e.getMessage());
    }

    private static List<String> settings(FileEvents f, TrainerEvent.SettingKey key) {
        return of(f, TrainerEvent.Setting.class).stream().filter(s -> s.key() == key).map(TrainerEvent.Setting::value)
                .toList();
    }
}
