package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.crlf;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.gzip;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.of;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.read;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.resource;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TorchtitanRecogniserTest {
    static final Path OK = resource("torchtitan__qwen3_14b_8xb200__run230_tp2_fsdp4_ok.log");
    static final Path ILLEGAL_ACCESS = resource("torchtitan__qwen3_14b_8xb200__run105_illegal_memory_access_failed.log");
    static final Path NO_NET_PLUGIN = resource("torchtitan__qwen3_14b_8xb200__run269_nccl_warn_no_net_plugin_failed.log");
    static final Path WATCHDOG = resource("torchtitan__qwen3_14b_8xb200__run285_nccl_watchdog_timeout_failed.log");

    @Test
    void colouredStepLinesGiveTheTrainersTflopsAndMfu() throws Exception {
        FileEvents f = read(OK, "torchtitan");
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(10, steps.size());
        TrainerEvent.Steps first = steps.get(0);
        assertEquals(1, first.lastStep());
        assertEquals(utc(2026, 5, 20, 3, 18, 46, 574_000), first.timeUs());
        assertEquals(28.72e12, first.flopRate(), 1e3);
        assertEquals(0.0128, first.mfu(), 1e-12);
        assertEquals(TrainerEvent.UNKNOWN_COUNT, first.count(), "torchtitan logs every metrics.log_freq steps");
        assertEquals(-1, first.stepUs(), "no step time in the line: the stitcher takes it from the line times");
        assertEquals(640, first.batch());
        TrainerEvent.Steps last = steps.get(9);
        assertEquals(10, last.lastStep());
        assertEquals(785.55e12, last.flopRate(), 1e3);
        assertEquals(0.3491, last.mfu(), 1e-12);
        assertEquals(utc(2026, 5, 20, 3, 18, 56, 764_000), last.timeUs());
    }

    @Test
    void settingsComeFromTheCommandTheMeshAndTheBanner() throws Exception {
        FileEvents f = read(OK, "torchtitan");
        assertEquals(List.of("8"), settings(f, TrainerEvent.SettingKey.WORLD_SIZE));
        assertEquals(List.of("128"), settings(f, TrainerEvent.SettingKey.SEQ_LENGTH));
        assertEquals(List.of("640"), settings(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertEquals(List.of("NVIDIA B200"), settings(f, TrainerEvent.SettingKey.ACCELERATOR));
        assertEquals(List.of("14768307200"), settings(f, TrainerEvent.SettingKey.PARAMETERS));
        assertEquals(List.of("2.250e+15"), settings(f, TrainerEvent.SettingKey.PEAK_FLOPS));
        assertEquals(List.of(TorchtitanRecogniser.FLOP_FIGURE), settings(f, TrainerEvent.SettingKey.FLOP_FIGURE));
        TrainerEvent.Marker starts = of(f, TrainerEvent.Marker.class).get(0);
        assertEquals("Training starts at step 1", starts.what());
        assertEquals(utc(2026, 5, 20, 3, 18, 19, 455_000), starts.timeUs());
        TrainerEvent.End end = of(f, TrainerEvent.End.class).get(0);
        assertEquals(EndReason.COMPLETED, end.reason());
        assertEquals(utc(2026, 5, 20, 3, 18, 58, 764_000), end.timeUs());
        // The local batch of the command line times the data-parallel degrees of the mesh, before the banner says it.
        FileEvents fp8 = read(ILLEGAL_ACCESS, "torchtitan");
        assertEquals(List.of("1920"), settings(fp8, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertEquals(List.of("fp8"), settings(fp8, TrainerEvent.SettingKey.PRECISION));
    }

    @Test
    void mfuNotAvailableIsNaN() throws Exception {
        TrainerEvent.Steps s = of(read(ILLEGAL_ACCESS, "torchtitan"), TrainerEvent.Steps.class).get(0);
        assertEquals(1, s.lastStep());
        assertEquals(96.88e12, s.flopRate(), 1e3);
        assertTrue(Double.isNaN(s.mfu()), "mfu: N/A");
    }

    @Test
    void everyRealLogIsReadByTorchtitanAndTorchelasticOnly() throws Exception {
        for (Path p : List.of(OK, ILLEGAL_ACCESS, NO_NET_PLUGIN, WATCHDOG)) {
            FileEvents all = read(p);
            assertEquals(List.of("torchelastic", "torchtitan"), all.formats().keySet().stream().sorted().toList(),
                    p.toString());
            assertTrue(all.problems().isEmpty(), all.problems().toString());
            FileEvents alone = read(p, "torchtitan");
            assertEquals(of(alone, TrainerEvent.Steps.class), of(all, TrainerEvent.Steps.class));
            assertEquals(of(alone, TrainerEvent.Setting.class).size() > 0, true);
        }
    }

    @Test
    void crlfAndGzipCopiesReadTheSame(@TempDir Path dir) throws Exception {
        FileEvents plain = read(OK);
        for (Path p : List.of(crlf(OK, dir), gzip(OK, dir))) {
            FileEvents copy = read(p);
            assertEquals(of(plain, TrainerEvent.Steps.class).stream().map(s -> s.lastStep() + "@" + s.timeUs()
                    + "/" + s.flopRate()).toList(), of(copy, TrainerEvent.Steps.class).stream()
                    .map(s -> s.lastStep() + "@" + s.timeUs() + "/" + s.flopRate()).toList());
            assertEquals(plain.events().size(), copy.events().size());
        }
    }

    @Test
    void checkpointSavesAndLoadsOlderLinesAndACutLastLine(@TempDir Path dir) throws Exception {
        // Lines in torchtitan's formats (components/checkpoint.py, metrics.py); the second part in the older format
        // without the [titan] tag, as docs of torchtitan-based projects quote it.
        Path p = write(dir, "titan.log", """
                [rank0]:[titan] 2025-06-01 10:00:00,000 - root - INFO - Building 2-D device mesh with ['dp', 'tp'], [4, 2]
                [rank0]:[titan] 2025-06-01 10:00:00,100 - root - INFO - CUDA capacity: NVIDIA H100 80GB HBM3 with 79.11GiB memory
                [rank0]:[titan] 2025-06-01 10:00:01,000 - root - INFO - Loading the checkpoint at step 500.
                [rank0]:[titan] 2025-06-01 10:00:04,210 - root - INFO - Finished loading the checkpoint in 3.21 seconds.
                [rank0]:[titan] 2025-06-01 10:00:04,300 - root - INFO - Training starts at step 501
                [rank0]:[titan] 2025-06-01 10:00:40,000 - root - INFO - step: 510  loss:  6.2116  memory: 87.04GiB(93.48%)  tps: 52,142  tflops: 1,234.5  mfu: 54.87%
                [rank0]:[titan] 2025-06-01 10:00:41,000 - root - INFO - Saving the checkpoint (or staging if async is enabled).
                [rank0]:[titan] 2025-06-01 10:00:42,230 - root - INFO - Finished saving the checkpoint (or staging if async is enabled)in 1.23 seconds.
                [rank0]:2025-06-01 10:01:00,000 - root - INFO - step: 640/644 = 99.3789%  loss:  6.2116  memory: 87.04GiB(93.48%)  wps: 52,142  mfu: 3.09%
                [rank0]:2025-06-01 10:01:07,000 - root - INFO - Saving a full checkpoint at last step, step 644.
                [rank0]:2025-06-01 10:01:12,530 - root - INFO - Finished saving the checkpoint (or staging if async is enabled)in 5.53 seconds.
                [rank0]:2025-06-01 10:01:16,000 - root - INFO - Training completed
                [rank0]:2025-06-01 10:01:17,000 - root - INFO - step:\s""");
        FileEvents f = read(p, "torchtitan");
        assertEquals(List.of("8"), settings(f, TrainerEvent.SettingKey.WORLD_SIZE));
        assertEquals(List.of("NVIDIA H100 80GB HBM3"), settings(f, TrainerEvent.SettingKey.ACCELERATOR));
        List<TrainerEvent.CheckpointLoad> loads = of(f, TrainerEvent.CheckpointLoad.class);
        assertEquals(500, loads.get(0).step());
        assertEquals(TrainerEvent.Edge.END, loads.get(1).edge());
        assertEquals(3_210_000, loads.get(1).durationUs());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of(510L, 640L), steps.stream().map(TrainerEvent.Steps::lastStep).toList());
        assertEquals(1234.5e12, steps.get(0).flopRate(), 1e3);
        assertTrue(Double.isNaN(steps.get(1).flopRate()), "no tflops in the older line");
        assertEquals(0.0309, steps.get(1).mfu(), 1e-12);
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(4, saves.size());
        assertEquals(510, saves.get(0).step(), "the last logged step");
        assertEquals(utc(2025, 6, 1, 10, 0, 41, 0), saves.get(0).timeUs());
        assertEquals(1_230_000, saves.get(1).durationUs());
        assertEquals(644, saves.get(2).step(), "Saving a full checkpoint at last step, step 644.");
        assertEquals(644, saves.get(3).step());
        assertEquals(5_530_000, saves.get(3).durationUs());
        assertEquals(EndReason.COMPLETED, of(f, TrainerEvent.End.class).get(0).reason());
        Problem cut = f.problems().get(0);
        assertTrue(cut.message().contains("expected a step number after 'step:'"), cut.message());
        assertEquals(13, cut.source().line());
    }

    @Test
    void aStepLineWithoutItsNumberInsideTheLogIsAnError(@TempDir Path dir) throws Exception {
        Path p = write(dir, "bad.log", """
                [rank0]:[titan] 2025-06-01 10:00:40,000 - root - INFO - step: x  loss:  6.2116
                [rank0]:[titan] 2025-06-01 10:00:41,000 - root - INFO - step: 2  loss:  6.2116
                """);
        InputException e = assertThrows(InputException.class, () -> read(p, "torchtitan"));
        assertTrue(e.getMessage().contains("bad.log:1"), e.getMessage());
    }

    private static List<String> settings(FileEvents f, TrainerEvent.SettingKey key) {
        return of(f, TrainerEvent.Setting.class).stream().filter(s -> s.key() == key).map(TrainerEvent.Setting::value)
                .toList();
    }
}
