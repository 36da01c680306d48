package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static dev.goodput.core.io.logs.MegatronTestFiles.ALCF;
import static dev.goodput.core.io.logs.MegatronTestFiles.LLAMA_DS;
import static dev.goodput.core.io.logs.MegatronTestFiles.of;
import static dev.goodput.core.io.logs.MegatronTestFiles.read;
import static dev.goodput.core.io.logs.MegatronTestFiles.readAll;
import static dev.goodput.core.io.logs.MegatronTestFiles.settings;
import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepSpeed's own records, read alone (as for a training loop DeepSpeed drives without Megatron) from the real
 * Megatron-DeepSpeed logs, whose DeepSpeed lines are DeepSpeed's verbatim; and lines written from DeepSpeed's source.
 */
class DeepSpeedRecogniserTest {
    @TempDir
    Path tmp;

    private static FileEvents deepspeed(Path file) throws Exception {
        return read(file, "deepspeed", LoadMode.STRICT);
    }

    /**
     * 'step=N, skipped=K' lines merged with the pipeline engine's 'steps: N loss: ... iter time (s): T
     * samples/sec: S' that follows: the step time T, the batch S × T = 32. Skipped steps: the first report takes
     * its counter (step 1 was skipped); later ones its growth, at most the steps since the previous report (the
     * excerpt elides 2494 steps, with 1584 skips, before step 2499). Step 2498 has only its 'steps:' line (its
     * step= line is elided): a report of its own, untimed. The save starts at 'about to be saved' and ends at the
     * last 'ready now' (07:22:37.720; the first came at 07:22:31.774 from a rank that had little to write).
     */
    @Test
    void stepsMergedWithThePipelineLine() throws Exception {
        FileEvents f = deepspeed(LLAMA_DS);
        assertEquals(List.of("deepspeed"), List.copyOf(f.formats().keySet()));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of("1 4218000 32 1", "2 1337000 32 0", "3 1246000 32 0", "2498 1206000 32 0",
                "2499 1202000 32 1", "2500 1200000 32 1"), steps.stream().map(s -> s.lastStep() + " " + s.stepUs()
                + " " + s.batch() + " " + s.skipped()).toList());
        assertEquals(List.of(utc("2023-08-15T06:31:42.452"), utc("2023-08-15T06:31:44.231"),
                utc("2023-08-15T06:31:45.481"), Times.UNKNOWN, utc("2023-08-15T07:22:30.556"),
                utc("2023-08-15T07:22:31.764")), steps.stream().map(TrainerEvent.Steps::timeUs).toList());
        assertTrue(steps.stream().allMatch(s -> s.count() == TrainerEvent.UNKNOWN_COUNT));
        assertEquals(9, steps.get(0).source().line()); // the step= line

        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(List.of(new TrainerEvent.CheckpointSave(utc("2023-08-15T07:22:31.767"), saves.get(0).source(),
                2500, TrainerEvent.Edge.START, -1), new TrainerEvent.CheckpointSave(utc("2023-08-15T07:22:37.720"),
                saves.get(1).source(), 2500, TrainerEvent.Edge.END, -1)), saves);
        assertEquals(55, saves.get(1).source().line());
    }

    /**
     * Aurora: 'step=136005, skipped=0' lines with the throughput timer's 'RunningAvgSamplesPerSec=...' after each
     * (its global_step restarted at 5 in this resumed run: DeepSpeed's step= number is the run's). No
     * train_batch_size was dumped, so CurrSamplesPerSec gives no step time here.
     */
    @Test
    void stepLinesOfAResumedRun() throws Exception {
        FileEvents f = deepspeed(ALCF);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(Map.of("deepspeed", 14L), f.formats()); // 7 step= and 7 throughput lines
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(LongStream.rangeClosed(136005, 136011).boxed().toList(),
                steps.stream().map(TrainerEvent.Steps::lastStep).toList());
        assertEquals(utc("2025-11-10T09:43:39.573"), steps.get(0).timeUs());
        assertTrue(steps.stream().allMatch(s -> s.stepUs() == -1 && s.skipped() == 0));
    }

    /** With every format, the Megatron iteration lines report these steps and DeepSpeed's add none. */
    @Test
    void megatronTakesDeepSpeedsLinesInMegatronLogs() throws Exception {
        for (Path p : List.of(ALCF, LLAMA_DS)) {
            FileEvents f = readAll(p, LoadMode.STRICT);
            List<Long> steps = of(f, TrainerEvent.Steps.class).stream().map(TrainerEvent.Steps::lastStep).toList();
            assertEquals(steps.stream().distinct().toList(), steps, p.toString());
            assertTrue(of(f, TrainerEvent.Steps.class).stream().allMatch(s -> s.source().line() != 0
                    && readLine(p, s.source().line()).contains("iteration")), p.toString());
        }
    }

    private static String readLine(Path p, long line) {
        try {
            return Files.readAllLines(p).get((int) line - 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A DeepSpeed run as its engine logs it (lines written from deepspeed/runtime/engine.py, config.py, timer.py
     * and fp16/loss_scaler.py): the config dump gives train_batch_size (GLOBAL_BATCH) and steps_per_print
     * (LOG_INTERVAL); step=0 at start-up is no step; the throughput timer's CurrSamplesPerSec gives the step time
     * as batch ÷ rate; an overflow skips a step; the older 'Saving model checkpoint:' starts a save.
     */
    @Test
    void configThroughputOverflowAndOlderSave() throws Exception {
        String text = """
                [2024-01-10 10:00:00,000] [INFO] [config.py:988:print] DeepSpeedEngine configuration:
                [2024-01-10 10:00:00,001] [INFO] [config.py:992:print]   steps_per_print .............. 10
                [2024-01-10 10:00:00,002] [INFO] [config.py:992:print]   train_batch_size ............. 64
                [2024-01-10 10:00:01,000] [INFO] [logging.py:96:log_dist] [Rank 0] step=0, skipped=0, lr=[0.0001], mom=[(0.9, 0.999)]
                [2024-01-10 10:00:20,000] [INFO] [logging.py:96:log_dist] [Rank 0] step=10, skipped=0, lr=[0.0001], mom=[(0.9, 0.999)]
                [2024-01-10 10:00:20,001] [INFO] [timer.py:260:stop] epoch=0/micro_step=10/global_step=10, RunningAvgSamplesPerSec=33.1, CurrSamplesPerSec=32.0, MemAllocated=6.01GB, MaxMemAllocated=19.52GB
                [2024-01-10 10:00:35,000] [INFO] [loss_scaler.py:183:update_scale] [deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 65536, reducing to 32768
                [2024-01-10 10:00:40,000] [INFO] [logging.py:96:log_dist] [Rank 0] step=20, skipped=1, lr=[0.0001], mom=[(0.9, 0.999)]
                [2024-01-10 10:00:41,000] [INFO] [logging.py:96:log_dist] [Rank 0] Saving model checkpoint: /ckpt/global_step20/mp_rank_00_model_states.pt
                [2024-01-10 10:00:45,000] [INFO] [torch_checkpoint_engine.py:33:commit] [Torch] Checkpoint global_step20 is ready now!
                [2024-01-10 10:01:00,000] [INFO] [logging.py:96:log_dist] [Rank 0] step=30, skipped=1, lr=[0.0001], mom=[(0.9, 0.999)]
                """;
        FileEvents f = deepspeed(MegatronTestFiles.write(tmp.resolve("ds.log"), text));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(List.of("64"), settings(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertEquals(List.of("10"), settings(f, TrainerEvent.SettingKey.LOG_INTERVAL));
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of("10 2000000 64 0", "20 -1 -1 1", "30 -1 -1 0"), steps.stream().map(s -> s.lastStep()
                + " " + s.stepUs() + " " + s.batch() + " " + s.skipped()).toList());
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(List.of("20 START " + utc("2024-01-10T10:00:41"), "20 END " + utc("2024-01-10T10:00:45")),
                saves.stream().map(s -> s.step() + " " + s.edge() + " " + s.timeUs()).toList());
        // The save ends before the next step report, in line order.
        assertTrue(f.events().indexOf(saves.get(1)) < f.events().indexOf(steps.get(2)));
    }

    /** A cut step line at the end is a warning; one mid-file is an error in strict mode, skipped in lenient. */
    @Test
    void cutLines() throws Exception {
        String good = "[2024-01-10 10:00:20,000] [INFO] [logging.py:96:log_dist] [Rank 0] step=10, skipped=0, "
                + "lr=[0.0001], mom=[(0.9, 0.999)]\n";
        String cut = "[2024-01-10 10:00:40,000] [INFO] [logging.py:96:log_dist] [Rank 0] step=20, skipped=";
        FileEvents f = deepspeed(MegatronTestFiles.write(tmp.resolve("end.log"), good + cut));
        assertEquals(List.of(10L), of(f, TrainerEvent.Steps.class).stream().map(TrainerEvent.Steps::lastStep)
                .toList());
        assertEquals(1, f.problems().size());
        assertEquals(2, f.problems().get(0).source().line());

        Path mid = MegatronTestFiles.write(tmp.resolve("mid.log"), cut + "\n" + good);
        InputException e = assertThrows(InputException.class, () -> deepspeed(mid));
        assertEquals(1, e.source().line());
        assertEquals(List.of(10L), of(read(mid, "deepspeed", LoadMode.LENIENT), TrainerEvent.Steps.class).stream()
                .map(TrainerEvent.Steps::lastStep).toList());
    }

    /** CRLF line ends, a gzip copy, and torchrun's rank prefixes read the same. */
    @Test
    void crlfGzipAndRankPrefixes() throws Exception {
        List<String> expected = of(deepspeed(LLAMA_DS), TrainerEvent.Steps.class).stream()
                .map(s -> s.lastStep() + " " + s.timeUs() + " " + s.stepUs() + " " + s.skipped()).toList();
        String text = Files.readString(LLAMA_DS, StandardCharsets.UTF_8);
        Path crlf = MegatronTestFiles.write(tmp.resolve("crlf.log"), text.replace("\n", "\r\n"));
        Path gz = MegatronTestFiles.gzip(LLAMA_DS, tmp.resolve("llama.log.gz"));
        Path ranks = MegatronTestFiles.write(tmp.resolve("ranks.log"), text.replaceAll("(?m)^", "[default0]:"));
        for (Path p : List.of(crlf, gz, ranks)) {
            assertEquals(expected, of(deepspeed(p), TrainerEvent.Steps.class).stream()
                    .map(s -> s.lastStep() + " " + s.timeUs() + " " + s.stepUs() + " " + s.skipped()).toList(),
                    p.toString());
        }
    }
}
