package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static dev.goodput.core.io.logs.MegatronTestFiles.ALCF;
import static dev.goodput.core.io.logs.MegatronTestFiles.BLOOM;
import static dev.goodput.core.io.logs.MegatronTestFiles.GPT2_LOAD;
import static dev.goodput.core.io.logs.MegatronTestFiles.GPT2_TRAIN;
import static dev.goodput.core.io.logs.MegatronTestFiles.ISSUE756;
import static dev.goodput.core.io.logs.MegatronTestFiles.LLAMA_DS;
import static dev.goodput.core.io.logs.MegatronTestFiles.POLARIS;
import static dev.goodput.core.io.logs.MegatronTestFiles.of;
import static dev.goodput.core.io.logs.MegatronTestFiles.read;
import static dev.goodput.core.io.logs.MegatronTestFiles.readAll;
import static dev.goodput.core.io.logs.MegatronTestFiles.settings;
import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Megatron-LM and Megatron-DeepSpeed records, on real public lines (NOTICE.md) and lines written from the source. */
class MegatronRecogniserTest {
    @TempDir
    Path tmp;

    private static FileEvents megatron(Path file) throws Exception {
        return read(file, "megatron", LoadMode.STRICT);
    }

    private static List<Long> lastSteps(FileEvents f) {
        return of(f, TrainerEvent.Steps.class).stream().map(TrainerEvent.Steps::lastStep).toList();
    }

    /**
     * Current Megatron-LM (issue 756): ' [2024-04-06 02:55:45] iteration 2/ 100 | ... | elapsed time per iteration
     * (ms): 5630.1 | throughput per GPU (TFLOP/s/GPU): 231.9 | ... | global batch size: 128 | ...'. The memory line
     * before them is no record.
     */
    @Test
    void currentIterationLines() throws Exception {
        FileEvents f = megatron(ISSUE756);
        assertEquals(Map.of("megatron", 5L), f.formats());
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of(2L, 3L, 57L, 58L, 59L), lastSteps(f));
        TrainerEvent.Steps first = steps.get(0);
        assertEquals(utc("2024-04-06T02:55:45"), first.timeUs());
        assertEquals(2, first.source().line());
        assertEquals(TrainerEvent.UNKNOWN_COUNT, first.count()); // a mean over the log interval: counted later
        assertEquals(5_630_100, first.stepUs());
        assertEquals(128, first.batch());
        assertEquals(-1, first.tokens());
        assertEquals(231.9e12, first.flopRate(), 1e3);
        assertEquals(0, first.skipped());
        assertEquals(utc("2024-04-06T03:01:05"), steps.get(4).timeUs());
        assertEquals(5_410_900, steps.get(4).stepUs());
        assertEquals(List.of(MegatronRecogniser.FIGURE_LM), settings(f, TrainerEvent.SettingKey.FLOP_FIGURE));
        // Megatron-LM's num_floating_point_operations leaves recomputation out: model FLOPs.
        assertEquals(List.of("false"), settings(f, TrainerEvent.SettingKey.HARDWARE_FLOPS));

        // With every format: the same, and nothing else takes a line.
        FileEvents all = readAll(ISSUE756, LoadMode.STRICT);
        assertEquals(Map.of("megatron", 5L), all.formats());
        assertEquals(steps, of(all, TrainerEvent.Steps.class));
    }

    /**
     * Megatron-LM of 2023 prints no time on its lines: the '[before the start of training step] datetime:'
     * markers are the anchors; iterations every 100 (the first with 15 skipped iterations); saves at 1000 and
     * 2000 with their 'save-checkpoint' timer (the maximum across ranks); 'after training is done' at iteration
     * 2000 of 2000 completes the job; a last save after it has no timer; validation losses end evaluations.
     */
    @Test
    void untimedIterationsMarkersAndSaves() throws Exception {
        FileEvents f = megatron(GPT2_TRAIN);
        assertEquals(List.of("megatron"), List.copyOf(f.formats().keySet()));
        assertTrue(f.problems().isEmpty(), f.problems().toString());

        List<TrainerEvent.Marker> markers = of(f, TrainerEvent.Marker.class);
        assertEquals(List.of("after dataloaders are built", "before the start of training step",
                "after training is done"), markers.stream().map(TrainerEvent.Marker::what).toList());
        assertEquals(utc("2023-07-16T14:05:15"), markers.get(1).timeUs());
        assertEquals(utc("2023-07-16T15:36:49"), markers.get(2).timeUs());

        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(LongStream.rangeClosed(1, 20).map(i -> i * 100).boxed().toList(), lastSteps(f));
        assertTrue(steps.stream().allMatch(s -> s.timeUs() == Times.UNKNOWN && s.batch() == 8
                && Double.isNaN(s.flopRate())));
        assertEquals(2_946_000, steps.get(0).stepUs());
        assertEquals(15, steps.get(0).skipped());
        assertEquals(1, steps.get(2).skipped());
        assertTrue(settings(f, TrainerEvent.SettingKey.FLOP_FIGURE).isEmpty());

        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(List.of("1000 START -1 @38", "1000 END 33545120 @39", "2000 START -1 @55",
                "2000 END 52793870 @56", "2000 START -1 @60", "2000 END -1 @64"), saves.stream()
                .map(s -> s.step() + " " + s.edge() + " " + s.durationUs() + " @" + s.source().line()).toList());
        assertTrue(saves.stream().allMatch(s -> s.timeUs() == Times.UNKNOWN));

        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(List.of(36L, 53L, 62L, 66L), evals.stream().map(e -> e.source().line()).toList());
        assertTrue(evals.stream().allMatch(e -> e.edge() == TrainerEvent.Edge.END));

        List<TrainerEvent.End> ends = of(f, TrainerEvent.End.class);
        assertEquals(1, ends.size());
        assertEquals(EndReason.COMPLETED, ends.get(0).reason());
        assertEquals(utc("2023-07-16T15:36:49"), ends.get(0).timeUs());
        assertEquals("Megatron: training done at iteration 2000 of 2000", ends.get(0).message());
        // Event order follows the lines: the second save's end (line 56) comes before the marker (59).
        int end56 = f.events().indexOf(saves.get(3));
        assertTrue(end56 >= 0 && end56 < f.events().indexOf(markers.get(2)));
    }

    /** A load at iteration 5000 whose 'load-checkpoint' timer comes after two lines of a Python warning. */
    @Test
    void loadWithItsTimerAfterWarnings() throws Exception {
        FileEvents f = megatron(GPT2_LOAD);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.CheckpointLoad> loads = of(f, TrainerEvent.CheckpointLoad.class);
        assertEquals(2, loads.size());
        assertEquals(new TrainerEvent.CheckpointLoad(Times.UNKNOWN, loads.get(0).source(), 5000,
                TrainerEvent.Edge.START, -1), loads.get(0));
        assertEquals(5, loads.get(0).source().line());
        assertEquals(new TrainerEvent.CheckpointLoad(Times.UNKNOWN, loads.get(1).source(), 5000,
                TrainerEvent.Edge.END, 4_542_100), loads.get(1));
        assertEquals(16, loads.get(1).source().line());
        assertEquals(List.of(utc("2023-07-16T10:56:55"), utc("2023-07-16T10:57:00"), utc("2023-07-16T10:57:01"),
                utc("2023-07-16T10:57:01"), utc("2023-07-16T10:57:01")),
                of(f, TrainerEvent.Marker.class).stream().map(TrainerEvent.Marker::timeUs).toList());
        // No iteration was logged: 'after training is done' cannot say the run completed.
        assertTrue(of(f, TrainerEvent.End.class).isEmpty());
        assertTrue(of(f, TrainerEvent.Steps.class).isEmpty());
        assertEquals(2, of(f, TrainerEvent.CheckpointSave.class).size());
    }

    /**
     * Megatron-DeepSpeed: DeepSpeed's 'step=N' and 'steps: N ... iter time' lines report the same steps as
     * Megatron's iteration line. Each step is reported once (by the iteration line); an untimed iteration line
     * takes the time of DeepSpeed's 'step=N' line just before it; the untimed save lines take the times of
     * DeepSpeed's own save lines (about to be saved, the last ready now).
     */
    @Test
    void megatronDeepSpeedCountsEachStepOnce() throws Exception {
        FileEvents f = readAll(LLAMA_DS, LoadMode.STRICT);
        assertEquals(List.of("megatron"), List.copyOf(f.formats().keySet()));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of(1L, 2L, 3L, 2498L, 2499L, 2500L), lastSteps(f));
        assertEquals(List.of(utc("2023-08-15T06:31:42.452"), utc("2023-08-15T06:31:44.231"),
                utc("2023-08-15T06:31:45.481"), Times.UNKNOWN, utc("2023-08-15T07:22:30.556"),
                utc("2023-08-15T07:22:31.764")), steps.stream().map(TrainerEvent.Steps::timeUs).toList());
        TrainerEvent.Steps first = steps.get(0);
        assertEquals(4_220_800, first.stepUs());
        assertEquals(32, first.batch());
        assertEquals(32 * 2048, first.tokens()); // the line's 'actual seqlen'
        assertEquals(16.98e12, first.flopRate(), 1e3);
        assertEquals(List.of(MegatronRecogniser.FIGURE_DS), settings(f, TrainerEvent.SettingKey.FLOP_FIGURE));
        // Megatron-DeepSpeed's TFLOPs counts recomputation when activations are recomputed: unknown without args.
        assertTrue(settings(f, TrainerEvent.SettingKey.HARDWARE_FLOPS).isEmpty());

        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(2, saves.size());
        assertEquals(new TrainerEvent.CheckpointSave(utc("2023-08-15T07:22:31.767"), saves.get(0).source(), 2500,
                TrainerEvent.Edge.START, -1), saves.get(0));
        assertEquals(34, saves.get(0).source().line());
        assertEquals(new TrainerEvent.CheckpointSave(utc("2023-08-15T07:22:37.720"), saves.get(1).source(), 2500,
                TrainerEvent.Edge.END, -1), saves.get(1));
        assertEquals(56, saves.get(1).source().line());
        assertEquals(EndReason.COMPLETED, of(f, TrainerEvent.End.class).get(0).reason());
        assertEquals(List.of(TrainerEvent.Edge.START), of(f, TrainerEvent.Evaluation.class).stream()
                .map(TrainerEvent.Evaluation::edge).toList()); // 'Evaluating iter 1/10', the last line
    }

    /**
     * ALCF's key=value lines under a logger prefix and a Markdown indent: 'iteration=  136004/  136100 | ... |
     * elapsed_time_per_iteration_ms=3415.3 | ... | TFLOPs=53.66 |'. DeepSpeed's global_step restarts at 5 in this
     * resumed run: the Megatron iteration is the step number, and DeepSpeed's lines add no steps.
     */
    @Test
    void alcfKeyValueLines() throws Exception {
        FileEvents f = readAll(ALCF, LoadMode.STRICT);
        assertEquals(List.of("megatron"), List.copyOf(f.formats().keySet()));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(LongStream.rangeClosed(136004, 136010).boxed().toList(), lastSteps(f));
        assertEquals(List.of(3_415_300L, 3_420_200L, 6_863_200L, 3_402_700L, 5_334_100L, 3_394_800L, 3_401_500L),
                steps.stream().map(TrainerEvent.Steps::stepUs).toList());
        assertEquals(utc("2025-11-10T09:43:36.161992"), steps.get(0).timeUs());
        assertTrue(steps.stream().allMatch(s -> s.batch() == 6144 && s.tokens() == 6144L * 8192));
        assertEquals(53.66e12, steps.get(0).flopRate(), 1e3);
        assertEquals(26.70e12, steps.get(2).flopRate(), 1e3);
        assertEquals(List.of(MegatronRecogniser.FIGURE_ALCF), settings(f, TrainerEvent.SettingKey.FLOP_FIGURE));
        assertEquals(List.of("false"), settings(f, TrainerEvent.SettingKey.HARDWARE_FLOPS));
        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(List.of(utc("2025-11-10T12:29:56.532794"), utc("2025-11-10T12:29:58.134910")),
                evals.stream().map(TrainerEvent.Evaluation::timeUs).toList());
        assertEquals(List.of(TrainerEvent.Edge.START, TrainerEvent.Edge.END),
                evals.stream().map(TrainerEvent.Evaluation::edge).toList());
    }

    /**
     * Polaris: a DeepSpeed throughput line comes first (DeepSpeed's then: no Megatron line yet), iteration 199
     * (untimed), 200 (dated by DeepSpeed's step=200), a save start, and the traceback of the crash inside the
     * save, which is not Megatron's record.
     */
    @Test
    void saveStartBeforeACrash() throws Exception {
        FileEvents f = readAll(POLARIS, LoadMode.STRICT);
        assertEquals(5L, f.formats().get("megatron"));
        assertEquals(1L, f.formats().get("deepspeed"));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of(199L, 200L), lastSteps(f));
        assertEquals(Times.UNKNOWN, steps.get(0).timeUs());
        assertEquals(utc("2024-03-07T15:27:15.063"), steps.get(1).timeUs());
        assertEquals(14_541_400, steps.get(1).stepUs());
        assertEquals(768L * 4096, steps.get(1).tokens());
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(1, saves.size());
        assertEquals(200, saves.get(0).step());
        assertEquals(TrainerEvent.Edge.START, saves.get(0).edge());
    }

    /**
     * BLOOM-176B: elapsed time in seconds, '[default7]:' rank prefixes, 'valid loss at iteration 45000'. The
     * chronicles wrap five lines over three: a cut iteration line is an error in strict mode, a warning in lenient
     * mode, and its continuation lines are no records.
     */
    @Test
    void secondsAndCutLines() throws Exception {
        InputException e = assertThrows(InputException.class, () -> megatron(BLOOM));
        assertEquals(13, e.source().line());
        assertTrue(e.getMessage().contains("expected the rest of the iteration line"), e.getMessage());

        FileEvents f = read(BLOOM, "megatron", LoadMode.LENIENT);
        assertEquals(List.of(31214L, 31215L, 31216L, 31217L, 31218L, 31219L, 31220L, 31221L, 31222L, 31250L,
                31251L, 45000L), lastSteps(f));
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(106_460_000, steps.get(0).stepUs());
        assertEquals(2048, steps.get(0).batch());
        assertEquals(147.29e12, steps.get(0).flopRate(), 1e3);
        assertEquals(111_000_000, steps.get(11).stepUs());
        assertEquals(List.of(13L, 16L, 19L, 22L, 25L), f.problems().stream().map(p -> p.source().line()).toList());
        assertTrue(f.problems().stream().allMatch(p -> p.severity() == Problem.Severity.WARNING));
        assertEquals(List.of(30L), of(f, TrainerEvent.Evaluation.class).stream().map(v -> v.source().line())
                .toList());
    }

    /** Line 45 of the chronicles has a space before its rank prefix: still an iteration line. */
    @Test
    void spaceBeforeTheRankPrefix() throws Exception {
        Path log = MegatronTestFiles.write(tmp.resolve("bloom.log"), " [default7]: iteration    12695/  115311 | "
                + "consumed samples:      9841584 | consumed tokens:  20155564032 | elapsed time per iteration (s): "
                + "105.22 | learning rate: 5.969E-05 | global batch size:  2048 | lm loss: 2.463556E+00 | grad norm: "
                + "0.174 | num zeros: 0.0 | number of skipped iterations:   0 | number of nan iterations:   0 | "
                + "samples per second: 19.463 | TFLOPs: 149.02 |\n");
        List<TrainerEvent.Steps> steps = of(megatron(log), TrainerEvent.Steps.class);
        assertEquals(1, steps.size());
        assertEquals(12695, steps.get(0).lastStep());
        assertEquals(105_220_000, steps.get(0).stepUs());
    }

    /** A job killed while writing its last line: that line is a warning, the others are read. */
    @Test
    void cutLastLine() throws Exception {
        List<String> lines = Files.readAllLines(ISSUE756);
        String last = lines.remove(lines.size() - 1);
        lines.add(last.substring(0, 240)); // "... | lm loss: 1.84"

        Path log = MegatronTestFiles.write(tmp.resolve("cut.log"), String.join("\n", lines));
        FileEvents f = megatron(log);
        assertEquals(List.of(2L, 3L, 57L, 58L), lastSteps(f));
        assertEquals(1, f.problems().size());
        assertEquals(6, f.problems().get(0).source().line());
        assertTrue(f.problems().get(0).message().contains("cut"), f.problems().get(0).message());
    }

    /** CRLF line ends and a gzip copy read the same. */
    @Test
    void crlfAndGzip() throws Exception {
        String text = Files.readString(ISSUE756, StandardCharsets.UTF_8);
        Path crlf = MegatronTestFiles.write(tmp.resolve("crlf.log"), text.replace("\n", "\r\n"));
        assertEquals(of(megatron(ISSUE756), TrainerEvent.Steps.class).stream().map(s -> s.lastStep() + " "
                + s.timeUs() + " " + s.stepUs()).toList(), of(megatron(crlf), TrainerEvent.Steps.class).stream()
                .map(s -> s.lastStep() + " " + s.timeUs() + " " + s.stepUs()).toList());

        Path gz = MegatronTestFiles.gzip(GPT2_TRAIN, tmp.resolve("train.log.gz"));
        FileEvents plain = megatron(GPT2_TRAIN);
        FileEvents zipped = megatron(gz);
        assertEquals(plain.events().size(), zipped.events().size());
        assertEquals(plain.events().stream().map(MegatronRecogniserTest::withoutFile).toList(),
                zipped.events().stream().map(MegatronRecogniserTest::withoutFile).toList());
    }

    private static String withoutFile(TrainerEvent e) {
        return e.toString().replaceAll("source=[^,\\]]*:(\\d+)", "line=$1");
    }

    /** Non-ASCII paths in the checkpoint lines and a non-ASCII field in the iteration line change nothing. */
    @Test
    void nonAscii() throws Exception {
        String text = Files.readString(GPT2_LOAD, StandardCharsets.UTF_8)
                .replace("/workspace/model/megatron-models/345m", "/données/模型/контрольные точки");
        String iteration = " iteration      100/    2000 | consumed samples:          800 | elapsed time per iteration "
                + "(ms): 2946.0 | learning rate: 3.984E-06 | global batch size:     8 | perte µ: 9.654853E+00 | "
                + "loss scale: 262144.0 | grad norm: 3.700 | number of skipped iterations:  15 | number of nan "
                + "iterations:   0 |\n";
        Path log = MegatronTestFiles.write(tmp.resolve("ünïcode.log"), text + iteration);
        FileEvents f = megatron(log);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(List.of(5000L, 5000L), of(f, TrainerEvent.CheckpointLoad.class).stream()
                .map(TrainerEvent.CheckpointLoad::step).toList());
        assertEquals(4_542_100, of(f, TrainerEvent.CheckpointLoad.class).get(1).durationUs());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(1, steps.size());
        assertEquals(2_946_000, steps.get(0).stepUs());
        assertEquals(15, steps.get(0).skipped());
    }

    /**
     * torchrun --tee: every rank's lines with a '[defaultN]:' prefix, interleaved. Ranks 0 and 1 both print the
     * iteration lines here: the steps count once (the reader keeps the first rank's progress).
     */
    @Test
    void interleavedRanks() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ISSUE756)) {
            out.add("[default0]:" + line);
            out.add("[default1]:" + line);
        }
        FileEvents f = megatron(MegatronTestFiles.write(tmp.resolve("ranks.log"), String.join("\n", out) + "\n"));
        assertEquals(List.of(2L, 3L, 57L, 58L, 59L), lastSteps(f));
        assertEquals(utc("2024-04-06T02:55:45"), of(f, TrainerEvent.Steps.class).get(0).timeUs());
        assertEquals(1, f.problems().size()); // rank 1's five reports, ignored
        assertEquals(Map.of("megatron", 10L), f.formats());
    }

    /**
     * torchrun --tee with Megatron's own ranks: rank 0 writes the save lines, the last rank the timer block (and
     * the iteration lines). The save's end keeps rank 0's line and takes the last rank's timer.
     */
    @Test
    void saveLinesAndTimerFromDifferentRanks() throws Exception {
        String text = """
                [default0]:saving checkpoint at iteration    1100 to /ckpt
                [default0]:  successfully saved checkpoint at iteration    1100 to /ckpt
                [default7]:(min, max) time across ranks (ms):
                [default7]:    save-checkpoint ................................: (20510.25, 20511.50)
                [default0]:node01:4000:5000 [0] NCCL INFO Channel 02/32 : 0[0] -> 1[1] via P2P/IPC/read
                """;
        FileEvents f = megatron(MegatronTestFiles.write(tmp.resolve("tee.log"), text));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(List.of("1100 START -1 @1", "1100 END 20511500 @2"), of(f, TrainerEvent.CheckpointSave.class)
                .stream().map(s -> s.step() + " " + s.edge() + " " + s.durationUs() + " @" + s.source().line())
                .toList());
    }

    /**
     * A process's start as Megatron-DeepSpeed prints it (lines written from megatron/arguments.py and
     * initialize.py): 'using world size', the arguments dump, 'initializing torch distributed' make one launch;
     * the arguments give the settings; TFLOPs counts recomputation when activations are recomputed. A second
     * start after iterations is a second launch. 'exiting program at iteration N' ends the job as asked.
     */
    @Test
    void bannersArgumentsAndSettings() throws Exception {
        String start = """
                using world size: 16, data-parallel-size: 2, sequence-parallel size: 1, tensor-model-parallel size: 4, pipeline-model-parallel size: 2
                ------------------------ arguments ------------------------
                  bf16 ............................................ True
                  checkpoint_activations .......................... True
                  fp16 ............................................ False
                  global_batch_size ............................... 256
                  log_interval .................................... 10
                  recompute_granularity ........................... None
                  seq_length ...................................... 2048
                  train_iters ..................................... 500
                  world_size ...................................... 16
                -------------------- end of arguments ---------------------
                > initializing torch distributed ...
                [after megatron is initialized] datetime: 2023-08-15 06:30:00
                """;
        String iteration = " iteration       %d/     500 | consumed samples:        %d | consumed tokens:    %d | "
                + "elapsed time per iteration (ms): 1210.3 | learning rate: 1.371E-04 | global batch size:   256 | "
                + "lm loss: 1.267467E+01 | loss scale: 1.0 | grad norm: 2.265 | num zeros: 0.0 | actual seqlen:  2048 | "
                + "number of skipped iterations:   0 | number of nan iterations:   0 | samples per second: 26.440 | "
                + "TFLOPs: 59.23 |\n";
        String text = start + iteration.formatted(10, 2560, 5242880) + iteration.formatted(20, 5120, 10485760)
                + "[exiting program at iteration 20] datetime: 2023-08-15 06:31:00\n"
                + start + iteration.formatted(30, 7680, 15728640);
        FileEvents f = megatron(MegatronTestFiles.write(tmp.resolve("start.log"), text));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.Launch> launches = of(f, TrainerEvent.Launch.class);
        assertEquals(List.of(1L, 18L), launches.stream().map(l -> l.source().line()).toList());
        assertEquals("Megatron: using world size 16", launches.get(0).what());
        assertEquals(List.of("16", "16", "16", "16"), settings(f, TrainerEvent.SettingKey.WORLD_SIZE));
        assertEquals(List.of("bf16", "bf16"), settings(f, TrainerEvent.SettingKey.PRECISION));
        assertEquals(List.of("true", "true"), settings(f, TrainerEvent.SettingKey.RECOMPUTE));
        assertEquals(List.of("256", "256"), settings(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertEquals(List.of("10", "10"), settings(f, TrainerEvent.SettingKey.LOG_INTERVAL));
        assertEquals(List.of("2048", "2048"), settings(f, TrainerEvent.SettingKey.SEQ_LENGTH));
        assertEquals(List.of(MegatronRecogniser.FIGURE_DS), settings(f, TrainerEvent.SettingKey.FLOP_FIGURE));
        assertEquals(List.of("true"), settings(f, TrainerEvent.SettingKey.HARDWARE_FLOPS));
        assertEquals(List.of(10L, 20L, 30L), lastSteps(f));
        List<TrainerEvent.End> ends = of(f, TrainerEvent.End.class);
        assertEquals(1, ends.size());
        assertEquals(EndReason.COMPLETED, ends.get(0).reason());
        assertEquals(utc("2023-08-15T06:31:00"), ends.get(0).timeUs());
        // The settings come before the launch's first iteration, in line order.
        assertTrue(f.events().indexOf(launches.get(0)) < f.events().indexOf(of(f, TrainerEvent.Steps.class).get(0)));
    }

    /**
     * Megatron-LM's current save and load lines (megatron/training/checkpointing.py), each with its own time: an
     * async save ends when it is scheduled (training goes on) and its later 'successfully saved' is a marker; a
     * distributed checkpoint load; an 'evaluate' timer gives the evaluation's duration; a SIGTERM exit ends the
     * job for a reason the log cannot tell.
     */
    @Test
    void currentSaveLoadEvaluateAndSignal() throws Exception {
        String text = """
                 loading distributed checkpoint from /ckpt at iteration 40
                  successfully loaded checkpoint from /ckpt [ t 1/8, gtp_remat 1/1, p 1/1 ] at iteration 40
                (min, max) time across ranks (ms):
                    load-checkpoint ................................: (5120.50, 5210.75)
                 [2024-05-01 12:00:10.500000] iteration       50/     100 | consumed samples:        51200 | elapsed time per iteration (ms): 2000.0 | throughput per GPU (TFLOP/s/GPU): 400.5 | learning rate: 1.000000E-04 | global batch size:  1024 | lm loss: 2.000000E+00 | loss scale: 1.0 | grad norm: 1.000 | number of skipped iterations:   0 | number of nan iterations:   0 |
                [2024-05-01 12:00:10.600000] saving checkpoint at iteration      50 to /ckpt in torch_dist format
                  [2024-05-01 12:00:12.000000] scheduled an async checkpoint save at iteration      50 to /ckpt
                (min, max) time across ranks (ms):
                    save-checkpoint ................................: (1380.00, 1400.00)
                (min, max) time across ranks (ms):
                    evaluate .......................................: (30000.00, 30500.25)
                ----------------------------------------------------------------------------------------------
                 validation loss at iteration 50 | lm loss value: 2.000000E+00 | lm loss PPL: 7.389056E+00 |
                ----------------------------------------------------------------------------------------------
                  [2024-05-01 12:00:50.000000] successfully saved checkpoint from iteration      50 to /ckpt [ t 1/8, gtp_remat 1/1, p 1/1 ]
                [exiting program after receiving SIGTERM.] datetime: 2024-05-01 12:01:00.250000
                """;
        FileEvents f = megatron(MegatronTestFiles.write(tmp.resolve("current.log"), text));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        List<TrainerEvent.CheckpointLoad> loads = of(f, TrainerEvent.CheckpointLoad.class);
        assertEquals(List.of("40 START -1", "40 END 5210750"), loads.stream().map(l -> l.step() + " " + l.edge()
                + " " + l.durationUs()).toList());
        List<TrainerEvent.CheckpointSave> saves = of(f, TrainerEvent.CheckpointSave.class);
        assertEquals(List.of(new TrainerEvent.CheckpointSave(utc("2024-05-01T12:00:10.6"), saves.get(0).source(), 50,
                TrainerEvent.Edge.START, -1), new TrainerEvent.CheckpointSave(utc("2024-05-01T12:00:12"),
                saves.get(1).source(), 50, TrainerEvent.Edge.END, 1_400_000)), saves);
        List<TrainerEvent.Marker> markers = of(f, TrainerEvent.Marker.class);
        assertEquals(List.of("Megatron: async checkpoint of iteration 50 saved", "exiting program after receiving "
                + "SIGTERM."), markers.stream().map(TrainerEvent.Marker::what).toList());
        assertEquals(utc("2024-05-01T12:00:50"), markers.get(0).timeUs());
        // No 'Evaluating' line: an untimed start (the stitcher puts it where the last steps ended) and an end
        // lasting as long as the timer says.
        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(List.of("START -1 " + Times.UNKNOWN, "END 30500250 " + Times.UNKNOWN), evals.stream()
                .map(v -> v.edge() + " " + v.durationUs() + " " + v.timeUs()).toList());
        TrainerEvent.Steps step = of(f, TrainerEvent.Steps.class).get(0);
        assertEquals(utc("2024-05-01T12:00:10.5"), step.timeUs());
        assertEquals(400.5e12, step.flopRate(), 1e3);
        List<TrainerEvent.End> ends = of(f, TrainerEvent.End.class);
        assertEquals(EndReason.UNKNOWN, ends.get(0).reason());
        assertEquals(utc("2024-05-01T12:01:00.25"), ends.get(0).timeUs());
    }

    /**
     * The other formats' test logs (NeMo 2, which runs on Megatron-core, torchtitan, MaxText, MLPerf, torchrun):
     * Megatron's, Megatron progress.txt's and DeepSpeed's recognisers take none of their lines.
     */
    @Test
    void takesNoOtherFormatsLines() throws Exception {
        List<Path> others;
        try (var files = Files.list(MegatronTestFiles.DIR)) {
            others = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("(megatron|alcf|bigscience).*|NOTICE.md"))
                    .filter(p -> !p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(others.size() >= 5, others.toString());
        for (Path p : others) {
            FileEvents f;
            try {
                f = readAll(p, LoadMode.LENIENT);
            } catch (InputException e) {
                continue; // no format's records at all (an excerpt of one error): nothing taken
            }
            for (String mine : List.of("megatron", "megatron-progress", "deepspeed")) {
                assertEquals(null, f.formats().get(mine), p + " " + f.formats());
            }
        }
    }

    /** Lines that only mention Megatron's words are no records and never errors. */
    @Test
    void wordsInPassing() throws Exception {
        String text = """
                validation loss at iteration 1000 went up
                Training epoch 0, iteration 5/19 | lr: 1.499e-06 | global_batch_size: 512 | train_step_timing in s: 7.612
                the checkpoint at iteration 5 is fine
                global rank 3 is loading checkpoint /ckpt/iter_0000100/mp_rank_03/model_optim_rng.pt
                iteration 5 of 10
                [Rank 0] (after 100 iterations) memory (MB) | allocated: 1772.6 | max allocated: 3059.6
                """;
        Path log = MegatronTestFiles.write(tmp.resolve("passing.log"), text);
        InputException e = assertThrows(InputException.class, () -> megatron(log));
        assertTrue(e.getMessage().contains("none found"), e.getMessage());
    }

    /** An iteration line whose numbers do not fit a step number is an error naming its line, not a line passed over. */
    @Test
    void iterationNumbersTooLongToBeSteps() throws Exception {
        String ok = " iteration        1/     100 | consumed samples:          512 | elapsed time per iteration (ms): 1000.0 |"
                + " learning rate: 1.0E-04 | global batch size:   512 | lm loss: 1.0E+01 |\n";
        String text = ok + " iteration 12345678901234567890/     100 | consumed samples:          512 | elapsed time per "
                + "iteration (ms): 1000.0 | learning rate: 1.0E-04 | global batch size:   512 |\n"
                + ok.replace("1/     100", "3/ 99999999999999999999") + ok.replace("        1/", "        2/")
                + ok.replace("        1/", " 0000000000000000004/"); // zero-padded past 18 digits: passed over
        Path log = MegatronTestFiles.write(tmp.resolve("long-iterations.log"), text);
        InputException e = assertThrows(InputException.class, () -> megatron(log));
        assertEquals(2, e.source().line());
        assertTrue(e.getMessage().contains("expected iteration numbers of at most 18 digits"), e.getMessage());

        FileEvents f = read(log, "megatron", LoadMode.LENIENT);
        assertEquals(List.of(1L, 2L), lastSteps(f), "the lines with such numbers are left out");
        assertEquals(2, f.problems().size(), f.problems().toString());
    }
}
