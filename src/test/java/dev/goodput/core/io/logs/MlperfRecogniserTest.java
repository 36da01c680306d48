package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLPerf training's :::MLLOG records, on the two v4.0 GPT-3 result files and lines cut from them. */
class MlperfRecogniserTest {
    static final Path DIR = Path.of("src/test/resources/logs");
    static final Path NVIDIA = DIR.resolve("mlperf_v4.0__NVIDIA__eos_n64_ngc24.04_nemo__gpt3__result_0.txt");
    static final Path GOOGLE = DIR.resolve("mlperf_v4.0__Google__cloud-tpu-v5p-1024-maxtext__gpt3__result_0.txt");

    @TempDir
    Path tmp;

    private static FileEvents read(Path file, LoadMode mode) throws IOException, InputException {
        return new TrainerLogReader(List.of(LogFormats.byId("mlperf")), ZoneOffset.UTC, mode).read(file);
    }

    private static FileEvents readAll(Path file) throws IOException, InputException {
        return new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, LoadMode.STRICT).read(file);
    }

    private static <T extends TrainerEvent> List<T> of(FileEvents f, Class<T> type) {
        return f.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String setting(FileEvents f, TrainerEvent.SettingKey key) {
        return of(f, TrainerEvent.Setting.class).stream().filter(s -> s.key() == key).map(TrainerEvent.Setting::value)
                .findFirst().orElse(null);
    }

    private static long ms(long epochMs) {
        return epochMs * 1000;
    }

    /**
     * NVIDIA, 512 × H100 (NeMo): 512 init_starts (one per rank, not in time order), the earliest 1715043538598 at
     * line 67; run_start 1715043829220; 24 blocks of 51,904,512 tokens = 11 steps of 2304 × 2048 tokens; 24 evals
     * between eval_start and eval_stop, 268,873 ms in all (summed from the file by hand:
     * {@code grep -E '"eval_(start|stop)"' | paste - -}); run_stop 1715046977115 with status success.
     */
    @Test
    void nvidiaGpt3() throws Exception {
        FileEvents f = read(NVIDIA, LoadMode.STRICT);
        assertEquals(Map.of("mlperf", 727L), f.formats()); // 725 MLLOG records and 2 SYSJSON lines
        assertTrue(f.problems().isEmpty(), f.problems().toString());

        List<TrainerEvent.Launch> launches = of(f, TrainerEvent.Launch.class);
        assertEquals(1, launches.size());
        assertEquals(ms(1715043538598L), launches.get(0).timeUs());
        assertEquals(67, launches.get(0).source().line());

        List<TrainerEvent.Marker> markers = of(f, TrainerEvent.Marker.class);
        assertEquals(List.of(ms(1715043829219L), ms(1715043829220L)),
                markers.stream().map(TrainerEvent.Marker::timeUs).toList());
        assertEquals("MLPerf run_start", markers.get(1).what());

        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(24, steps.size());
        assertTrue(steps.stream().allMatch(s -> s.count() == 11 && s.batch() == 2304));
        assertEquals(264, steps.get(23).lastStep());
        // The first block's training starts at run_start (the 0.86 s before its block_start is training setup
        // inside the timed run), the others at the eval_stop before them.
        TrainerEvent.Steps first = steps.get(0);
        assertEquals(ms(1715043949934L), first.timeUs());
        assertEquals((ms(1715043949934L) - ms(1715043829220L)) / 11, first.stepUs());
        TrainerEvent.Steps second = steps.get(1);
        assertEquals((ms(1715044081144L) - ms(1715043961194L)) / 11, second.stepUs());

        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(48, evals.size());
        long evalUs = evals.stream().filter(e -> e.edge() == TrainerEvent.Edge.END)
                .mapToLong(TrainerEvent.Evaluation::durationUs).sum();
        assertEquals(ms(268_873), evalUs);
        assertEquals(ms(1715043949935L), evals.get(0).timeUs());
        assertEquals(TrainerEvent.Edge.START, evals.get(0).edge());

        List<TrainerEvent.End> ends = of(f, TrainerEvent.End.class);
        assertEquals(1, ends.size());
        assertEquals(EndReason.COMPLETED, ends.get(0).reason());
        assertEquals(ms(1715046977115L), ends.get(0).timeUs());
        // The window the stitcher makes of these: 3,438,517 ms from the earliest init_start to run_stop.
        assertEquals(ms(3_438_517), ends.get(0).timeUs() - launches.get(0).timeUs());

        assertEquals("NVIDIA H100-SXM5-80GB", setting(f, TrainerEvent.SettingKey.ACCELERATOR)); // SYSJSON first
        assertEquals("512", setting(f, TrainerEvent.SettingKey.WORLD_SIZE)); // 64 nodes × 8
        assertEquals("2304", setting(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertEquals("2048", setting(f, TrainerEvent.SettingKey.SEQ_LENGTH));
        assertEquals(1, of(f, TrainerEvent.Setting.class).stream()
                .filter(s -> s.key() == TrainerEvent.SettingKey.ACCELERATOR).count());

        // Nothing precedes the Launch in time: the 64 cache_clear records (23 s before init_start) give nothing.
        assertTrue(f.events().stream().filter(e -> e.timeUs() != dev.goodput.core.model.Times.UNKNOWN)
                .allMatch(e -> e.timeUs() >= launches.get(0).timeUs()));
    }

    /**
     * Google, TPU v5p-1024 (MaxText): init_start 1709183679041, run_start 1709183798092, 24 blocks of 50,331,648
     * tokens = 12 steps of 2048 × 2048; the first block has no block_start and its block_stop no epoch_count (the
     * eval_accuracy after it gives its counter); no eval_start/eval_stop (the evaluations are inside the blocks);
     * run_stop 1709190685725: a window of 7,006,684 ms.
     */
    @Test
    void googleGpt3() throws Exception {
        FileEvents f = read(GOOGLE, LoadMode.STRICT);
        assertEquals(Map.of("mlperf", 99L), f.formats());
        TrainerEvent.Launch launch = of(f, TrainerEvent.Launch.class).get(0);
        assertEquals(ms(1709183679041L), launch.timeUs());
        assertEquals(2, launch.source().line());

        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(24, steps.size());
        assertTrue(steps.stream().allMatch(s -> s.count() == 12 && s.batch() == 2048));
        assertEquals(288, steps.get(23).lastStep()); // train_samples 1,207,959,552 tokens / (2048 × 2048)
        assertEquals(27, steps.get(0).source().line()); // the first block_stop, though emitted at the next line
        assertEquals((ms(1709184112964L) - ms(1709183798092L)) / 12, steps.get(0).stepUs());
        // Blocks follow each other with no gap: the steps cover run_start..run_stop.
        long covered = 0;
        for (TrainerEvent.Steps s : steps) {
            covered += s.count() * s.stepUs();
        }
        assertEquals(ms(1709190685725L) - ms(1709183798092L), covered, 24 * 12);

        assertTrue(of(f, TrainerEvent.Evaluation.class).isEmpty());
        TrainerEvent.End end = of(f, TrainerEvent.End.class).get(0);
        assertEquals(EndReason.COMPLETED, end.reason());
        assertEquals(ms(7_006_684), end.timeUs() - launch.timeUs());

        assertEquals("TPU v5p", setting(f, TrainerEvent.SettingKey.ACCELERATOR)); // from "tpu-v5p"
        assertEquals(null, setting(f, TrainerEvent.SettingKey.WORLD_SIZE)); // the log does not say
        assertEquals("2048", setting(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
    }

    /** With every format: MLPerf keeps all its lines and gets the same events. */
    @Test
    void noOtherFormatTakesItsLines() throws Exception {
        for (Path p : List.of(NVIDIA, GOOGLE)) {
            FileEvents alone = read(p, LoadMode.STRICT);
            FileEvents all = readAll(p);
            assertEquals(alone.formats(), all.formats());
            assertEquals(alone.events(), all.events());
        }
    }

    /** ... and takes no line of the other formats' sample logs. */
    @Test
    void takesNoOtherFormatsLines() throws Exception {
        List<Path> others;
        try (Stream<Path> s = Files.list(DIR)) {
            others = s.filter(p -> !p.getFileName().toString().startsWith("mlperf"))
                    .filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt")).toList();
        }
        for (Path p : others) {
            try {
                FileEvents f = read(p, LoadMode.LENIENT);
                assertFalse(f.formats().containsKey("mlperf"), p.toString());
            } catch (InputException e) {
                assertTrue(e.getMessage().contains("none found"), e.getMessage());
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String mllog(long timeMs, String type, String key, String value, String metadata) {
        return ":::MLLOG {\"namespace\": \"\", \"time_ms\": " + timeMs + ", \"event_type\": \"" + type
                + "\", \"key\": \"" + key + "\", \"value\": " + value + ", \"metadata\": {\"file\": \"train.py\", "
                + "\"lineno\": 1" + (metadata.isEmpty() ? "" : ", " + metadata) + "}}";
    }

    /** The first lines of the NVIDIA file, with the rank prefixes srun --label and mpirun --tag-output add. */
    @Test
    void rankPrefixesAndOutOfOrderInitStarts() throws Exception {
        String text = String.join("\n",
                "0: " + mllog(1715043538615L, "INTERVAL_START", "init_start", "null", ""),
                "[1,7]<stdout>:" + mllog(1715043538598L, "INTERVAL_START", "init_start", "null", ""),
                "3: " + mllog(1715043538636L, "INTERVAL_START", "init_start", "null", ""),
                "0: " + mllog(1715043829219L, "INTERVAL_END", "init_stop", "null", ""),
                "0: " + mllog(1715043829220L, "INTERVAL_START", "run_start", "null", ""),
                "0: " + mllog(1715046977115L, "INTERVAL_END", "run_stop", "null", "\"status\": \"aborted\""),
                "");
        FileEvents f = read(write("ranks.log", text), LoadMode.STRICT);
        List<TrainerEvent.Launch> launches = of(f, TrainerEvent.Launch.class);
        assertEquals(1, launches.size());
        assertEquals(ms(1715043538598L), launches.get(0).timeUs()); // the earliest, on the second line
        assertEquals(2, launches.get(0).source().line());
        TrainerEvent.End end = of(f, TrainerEvent.End.class).get(0);
        assertEquals(EndReason.FAULT, end.reason());
        // A log with no blocks and no evaluations: run_start..run_stop is one stretch of training.
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(1, steps.size());
        assertEquals(ms(1715046977115L) - ms(1715043829220L), steps.get(0).stepUs());
    }

    /** No blocks: the training is run_start..run_stop outside the evaluations, one Steps per stretch. */
    @Test
    void noBlocks() throws Exception {
        String text = String.join("\r\n", // CRLF line ends
                mllog(1000_000L, "INTERVAL_START", "init_start", "null", ""),
                mllog(1000_010L, "POINT_IN_TIME", "global_batch_size", "32", ""),
                mllog(1000_100L, "INTERVAL_START", "run_start", "null", ""),
                mllog(1000_600L, "INTERVAL_START", "eval_start", "null", "\"epoch_num\": 3200"),
                mllog(1000_650L, "POINT_IN_TIME", "eval_accuracy", "NaN", "\"epoch_num\": 3200"),
                mllog(1000_700L, "INTERVAL_END", "eval_stop", "null", "\"epoch_num\": 3200"),
                mllog(1001_000L, "INTERVAL_END", "run_stop", "null", "\"status\": \"success\""), "");
        FileEvents f = read(write("noblocks.txt", text), LoadMode.STRICT);
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(2, steps.size());
        assertEquals(100, steps.get(0).count()); // 3200 samples / 32 per step
        assertEquals(ms(500) / 100, steps.get(0).stepUs());
        assertEquals(ms(1000_600L), steps.get(0).timeUs());
        assertEquals(1, steps.get(1).count()); // no counter at run_stop: one step
        assertEquals(101, steps.get(1).lastStep());
        assertEquals(ms(300), steps.get(1).stepUs());
        assertEquals(ms(100), of(f, TrainerEvent.Evaluation.class).get(1).durationUs());
    }

    private static String run(long base) {
        return String.join("\n",
                mllog(base, "INTERVAL_START", "init_start", "null", ""),
                mllog(base, "INTERVAL_START", "init_start", "null", ""),
                mllog(base + 100, "INTERVAL_START", "run_start", "null", ""),
                mllog(base + 900, "INTERVAL_END", "run_stop", "null", "\"status\": \"success\""), "");
    }

    /** Two runs in one file: the init_start after a run_stop opens the second. */
    @Test
    void twoRuns() throws Exception {
        FileEvents f = read(write("two.txt", run(1000_000L) + run(2000_000L)), LoadMode.STRICT);
        assertEquals(List.of(ms(1000_000L), ms(2000_000L)),
                of(f, TrainerEvent.Launch.class).stream().map(TrainerEvent.Launch::timeUs).toList());
        assertEquals(2, of(f, TrainerEvent.End.class).size());
    }

    /** A cut last line is a warning; a cut line inside the log an error (strict) or a skipped line (lenient). */
    @Test
    void cutLines() throws Exception {
        List<String> lines = Files.readAllLines(GOOGLE);
        String cut = lines.get(40).substring(0, 60);
        Path last = write("cut_last.txt", String.join("\n", lines.subList(0, 40)) + "\n" + cut);
        FileEvents f = read(last, LoadMode.STRICT);
        assertEquals(1, f.problems().size());
        assertEquals(Problem.Severity.WARNING, f.problems().get(0).severity());
        assertTrue(f.problems().get(0).message().contains("expected a whole JSON object after ':::MLLOG'"),
                f.problems().get(0).message());

        Path middle = write("cut_middle.txt", String.join("\n", lines.subList(0, 40)) + "\n" + cut + "\n"
                + String.join("\n", lines.subList(41, lines.size())) + "\n");
        InputException e = assertThrows(InputException.class, () -> read(middle, LoadMode.STRICT));
        assertTrue(e.getMessage().contains("cut_middle.txt:41: MLPerf training (:::MLLOG): expected"),
                e.getMessage());
        FileEvents lenient = read(middle, LoadMode.LENIENT);
        assertEquals(1, lenient.problems().size());
        assertEquals(1, of(lenient, TrainerEvent.End.class).size());
    }

    /** Records missing a field the format needs are bad; a tag quoted in passing is not a record. */
    @Test
    void missingFieldsAndPassingMentions() throws Exception {
        Path noTime = write("notime.txt", mllog(1000_000L, "INTERVAL_START", "init_start", "null", "")
                + "\n:::MLLOG {\"namespace\": \"\", \"event_type\": \"INTERVAL_START\", \"key\": \"run_start\"}\n"
                + mllog(1000_900L, "INTERVAL_END", "run_stop", "null", "") + "\n");
        InputException e = assertThrows(InputException.class, () -> read(noTime, LoadMode.STRICT));
        assertTrue(e.getMessage().contains("notime.txt:2") && e.getMessage().contains("\"time_ms\""),
                e.getMessage());

        Path passing = write("passing.txt", String.join("\n",
                "+ grep ':::MLLOG' /results/result_0.txt | wc -l",
                "INFO: the log lines start with :::MLLOG and a JSON object",
                mllog(1000_000L, "INTERVAL_START", "init_start", "null", ""),
                mllog(1000_900L, "INTERVAL_END", "run_stop", "null", "\"status\": \"success\""), ""));
        FileEvents f = read(passing, LoadMode.STRICT);
        assertEquals(Map.of("mlperf", 2L), f.formats());
        // run_stop with no run_start: the run ends, with no training in it.
        assertTrue(of(f, TrainerEvent.Steps.class).isEmpty());
        assertEquals(EndReason.COMPLETED, of(f, TrainerEvent.End.class).get(0).reason());
    }

    /** Non-ASCII values, a value that is an object, and a gzip copy of the NVIDIA file. */
    @Test
    void nonAsciiObjectValuesAndGzip() throws Exception {
        String text = String.join("\n",
                mllog(1000_000L, "INTERVAL_START", "init_start", "null", ""),
                mllog(1000_001L, "POINT_IN_TIME", "submission_org", "\"Universität Zürich — 東京\"", ""),
                mllog(1000_002L, "POINT_IN_TIME", "tracked_stats", "{\"throughput\": 1.5, \"nested\": [1, {\"a\": 2}]}",
                        "\"step\": 10"),
                mllog(1000_003L, "POINT_IN_TIME", "submission_platform", "\"8xNVIDIA DGX A100\"", ""),
                "");
        FileEvents f = read(write("utf8.txt", text), LoadMode.STRICT);
        assertEquals("NVIDIA A100", setting(f, TrainerEvent.SettingKey.ACCELERATOR));
        assertEquals("64", setting(f, TrainerEvent.SettingKey.WORLD_SIZE));
        assertEquals(1, of(f, TrainerEvent.Launch.class).size()); // passed on at finish()

        Path gz = tmp.resolve("nvidia.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(NVIDIA, out);
        }
        FileEvents plain = read(NVIDIA, LoadMode.STRICT);
        FileEvents zipped = read(gz, LoadMode.STRICT);
        assertEquals(plain.events().size(), zipped.events().size());
        assertEquals(plain.formats(), zipped.formats());
    }

    @Test
    void platforms() {
        assertEquals(new MlperfPlatform.Accelerators("NVIDIA H100", 512), MlperfPlatform.parse("64xNVIDIA DGX H100"));
        assertEquals(new MlperfPlatform.Accelerators("TPU v5p", 0), MlperfPlatform.parse("tpu-v5p"));
        assertEquals(new MlperfPlatform.Accelerators("MI325X", 0), MlperfPlatform.parse("1xMI325X"));
        assertEquals(MlperfPlatform.Accelerators.NONE, MlperfPlatform.parse("rivanna")); // a cluster, not a device
        assertEquals(MlperfPlatform.Accelerators.NONE, MlperfPlatform.parse(""));
    }
}
