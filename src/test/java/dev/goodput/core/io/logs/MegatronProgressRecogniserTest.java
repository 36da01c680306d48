package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.goodput.core.io.logs.MegatronTestFiles.of;
import static dev.goodput.core.io.logs.MegatronTestFiles.read;
import static dev.goodput.core.io.logs.MegatronTestFiles.readAll;
import static dev.goodput.core.io.logs.MegatronTestFiles.settings;
import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Megatron-LM's progress.txt. No public file was found, so these lines are written as Megatron-LM's source writes
 * them (megatron/training/utils/log_utils.py {@code append_to_progress_log}: {@code
 * f"{datetime.now().strftime('%Y-%m-%d %H:%M:%S')}\tJob ID: {job_id}\t# GPUs: {num_gpus}\t{string}\n"}, with the
 * strings of training.py and checkpointing.py). See NOTICE.md.
 */
class MegatronProgressRecogniserTest {
    @TempDir
    Path tmp;

    private static final String PROGRESS = String.join("\n",
            "2024-05-01 12:00:00\tJob ID: 1234\t# GPUs: 8\tStarting job",
            "2024-05-01 13:00:05\tJob ID: 1234\t# GPUs: 8\tSaved checkpoint\tIteration: 1000\tJob throughput: 401.3 "
                    + "TFLOP/s/GPU\tCumulative throughput: 401.3 TFLOP/s/GPU\tFloating-point operations: 1.16e+19\t"
                    + "Tokens (in billions): 4.19",
            "2024-05-01 13:00:06\tJob ID: 1234\t# GPUs: 8\tDeleted checkpoint\tIteration: 500",
            "2024-05-01 14:30:00\tJob ID: 1301\t# GPUs: 16\tStarting job",
            "2024-05-01 15:00:02\tJob ID: 1301\t# GPUs: 16\tSaving async checkpoint\tIteration: 1500\tJob "
                    + "throughput: 398.0 TFLOP/s/GPU\tCumulative throughput: 300.2 TFLOP/s/GPU\tFloating-point "
                    + "operations: 1.74e+19\tTokens (in billions): 6.29",
            "2024-05-01 15:00:40\tJob ID: 1301\t# GPUs: 16\tSaved async checkpoint\tIteration: 1500",
            "2024-05-01 15:10:00\tJob ID: \t# GPUs: 16\tSomething newer",
            "");

    /**
     * Two jobs: each 'Starting job' is a launch with the world size; 'Saved checkpoint' ends a save of its
     * iteration; an async save ends its blocking part at 'Saving async checkpoint' and is on storage at 'Saved
     * async checkpoint' (a marker); deletions and unknown strings are taken without events.
     */
    @Test
    void jobsAndSaves() throws Exception {
        FileEvents f = read(MegatronTestFiles.write(tmp.resolve("progress.txt"), PROGRESS), "megatron-progress",
                LoadMode.STRICT);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(Map.of("megatron-progress", 7L), f.formats());
        List<TrainerEvent.Launch> launches = of(f, TrainerEvent.Launch.class);
        assertEquals(List.of(utc("2024-05-01T12:00:00"), utc("2024-05-01T14:30:00")),
                launches.stream().map(TrainerEvent.Launch::timeUs).toList());
        assertEquals("Megatron-LM progress.txt: Starting job (job 1234), 8 GPUs", launches.get(0).what());
        assertEquals(List.of("8", "16"), settings(f, TrainerEvent.SettingKey.WORLD_SIZE));
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(List.of(new TrainerEvent.CheckpointSave(utc("2024-05-01T13:00:05"), saves.get(0).source(),
                1000, TrainerEvent.Edge.END, -1), new TrainerEvent.CheckpointSave(utc("2024-05-01T15:00:02"),
                saves.get(1).source(), 1500, TrainerEvent.Edge.END, -1)), saves);
        List<TrainerEvent.Marker> markers = of(f, TrainerEvent.Marker.class);
        assertEquals(1, markers.size());
        assertEquals(utc("2024-05-01T15:00:40"), markers.get(0).timeUs());
        assertEquals("Megatron-LM progress.txt: async checkpoint of iteration 1500 saved", markers.get(0).what());
        assertTrue(of(f, TrainerEvent.Steps.class).isEmpty());

        // No other format takes these lines, and this one takes no other format's (the Megatron test logs).
        assertEquals(Map.of("megatron-progress", 7L), readAll(Path.of(f.file()), LoadMode.STRICT).formats());
        for (Path p : List.of(MegatronTestFiles.ISSUE756, MegatronTestFiles.GPT2_TRAIN, MegatronTestFiles.LLAMA_DS)) {
            assertEquals(null, readAll(p, LoadMode.STRICT).formats().get("megatron-progress"));
        }
    }

    /** A line cut before its iteration is a warning at the end of the file, an error before it. */
    @Test
    void cutLines() throws Exception {
        String cut = "2024-05-01 13:00:05\tJob ID: 1234\t# GPUs: 8\tSaved checkpoint\tIter";
        String start = "2024-05-01 12:00:00\tJob ID: 1234\t# GPUs: 8\tStarting job";
        FileEvents f = read(MegatronTestFiles.write(tmp.resolve("end.txt"), start + "\n" + cut), "megatron-progress",
                LoadMode.STRICT);
        assertEquals(1, of(f, TrainerEvent.Launch.class).size());
        assertEquals(1, f.problems().size());
        assertTrue(f.problems().get(0).message().contains("expected 'Iteration: N'"), f.problems().toString());

        Path mid = MegatronTestFiles.write(tmp.resolve("mid.txt"), cut + "\n" + start + "\n");
        InputException e = assertThrows(InputException.class, () -> read(mid, "megatron-progress", LoadMode.STRICT));
        assertEquals(1, e.source().line());

        Path noTime = MegatronTestFiles.write(tmp.resolve("notime.txt"), "Job ID: 1234\t# GPUs: 8\tStarting job\n"
                + start + "\n");
        InputException e2 = assertThrows(InputException.class,
                () -> read(noTime, "megatron-progress", LoadMode.STRICT));
        assertTrue(e2.getMessage().contains("expected the date and time"), e2.getMessage());
    }

    /** CRLF line ends and a gzip copy read the same. */
    @Test
    void crlfAndGzip() throws Exception {
        Path plain = MegatronTestFiles.write(tmp.resolve("progress.txt"), PROGRESS);
        Path crlf = MegatronTestFiles.write(tmp.resolve("crlf.txt"), PROGRESS.replace("\n", "\r\n"));
        Path gz = MegatronTestFiles.gzip(plain, tmp.resolve("progress.txt.gz"));
        int expected = read(plain, "megatron-progress", LoadMode.STRICT).events().size();
        assertEquals(expected, read(crlf, "megatron-progress", LoadMode.STRICT).events().size());
        assertEquals(expected, read(gz, "megatron-progress", LoadMode.STRICT).events().size());
    }
}
