package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hugging Face Trainer's trainer_state.json: a real QLoRA run's state, and states written by hand. */
class HfTrainerStateReaderTest {
    static final Path QLORA = Path.of("src/test/resources/logs/hf_trainer__qlora_fork__trainer_state.json");
    static final long START = Instant.parse("2023-06-01T00:00:00Z").toEpochMilli() * 1000;

    @TempDir
    Path tmp;

    private static <T extends TrainerEvent> List<T> of(FileEvents f, Class<T> type) {
        return f.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String setting(FileEvents f, TrainerEvent.SettingKey key) {
        return of(f, TrainerEvent.Setting.class).stream().filter(s -> s.key() == key).map(TrainerEvent.Setting::value)
                .findFirst().orElse(null);
    }

    private static long s(double seconds) {
        return Times.fromSeconds(seconds);
    }

    /**
     * The QLoRA state: global_step 10000, a loss every 10 steps (1000 entries) and the final entry with
     * train_runtime 38738.2786 s, train_samples_per_second 4.13, total_flos 1.4692e17; no logging_steps (an older
     * transformers). A step is 38738.2786 s / 10000 = 3,873,827.86 µs.
     */
    @Test
    void qloraRunFromStart() throws Exception {
        FileEvents f = HfTrainerStateReader.read(QLORA, START, LoadMode.STRICT);
        assertEquals(Map.of("hf-trainer-state", 1001L), f.formats());
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(1000, steps.size());
        assertTrue(steps.stream().allMatch(st -> st.count() == 10 && st.stepUs() == 3_873_828L));
        assertEquals(10, steps.get(0).lastStep());
        assertEquals(START + 38_738_279L, steps.get(0).timeUs()); // 10 × 3,873,827.86 µs, rounded
        assertEquals(START + s(38738.2786), steps.get(999).timeUs());
        assertEquals(10000, steps.get(999).lastStep());
        assertEquals(10, steps.get(0).source().line()); // the entry's opening brace

        TrainerEvent.Launch launch = of(f, TrainerEvent.Launch.class).get(0);
        assertEquals(START, launch.timeUs());
        TrainerEvent.End end = of(f, TrainerEvent.End.class).get(0);
        assertEquals(EndReason.COMPLETED, end.reason());
        assertEquals(START + s(38738.2786), end.timeUs());

        assertEquals("10", setting(f, TrainerEvent.SettingKey.LOG_INTERVAL)); // from the steps between losses
        assertEquals("16", setting(f, TrainerEvent.SettingKey.GLOBAL_BATCH)); // 4.13 × 38738.2786 / 10000 = 15.9989
        String figure = setting(f, TrainerEvent.SettingKey.FLOP_FIGURE);
        assertTrue(figure.contains("3.79 TFLOP/s for the whole job"), figure); // 1.4692e17 / 38738.2786 s
        assertTrue(steps.stream().allMatch(st -> Double.isNaN(st.flopRate())));

        Problem first = f.problems().get(0);
        assertEquals(Problem.Severity.WARNING, first.severity());
        assertTrue(first.message().contains("no wall-clock times") && first.message().contains("train_runtime"),
                first.message());
        assertTrue(of(f, TrainerEvent.Evaluation.class).isEmpty());
    }

    /** Without --start: the file's modification time is when train() returned. */
    @Test
    void qloraRunFromModificationTime() throws Exception {
        Path copy = tmp.resolve("trainer_state.json");
        Files.copy(QLORA, copy);
        long mtime = Instant.parse("2023-06-02T12:00:00Z").toEpochMilli() * 1000;
        Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2023-06-02T12:00:00Z")));
        FileEvents f = HfTrainerStateReader.read(copy, Times.UNKNOWN, LoadMode.STRICT);
        assertEquals(mtime - s(38738.2786), of(f, TrainerEvent.Launch.class).get(0).timeUs());
        assertEquals(mtime, of(f, TrainerEvent.End.class).get(0).timeUs());
        assertTrue(f.problems().get(0).message().contains("modification time"), f.problems().get(0).message());

        Path gz = tmp.resolve("trainer_state.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(QLORA, out);
        }
        assertTrue(HfTrainerStateReader.looksLike(gz));
        FileEvents zipped = HfTrainerStateReader.read(gz, START, LoadMode.STRICT);
        FileEvents plain = HfTrainerStateReader.read(QLORA, START, LoadMode.STRICT);
        assertEquals(plain.events().size(), zipped.events().size());
        for (int i = 0; i < plain.events().size(); i++) {
            assertEquals(plain.events().get(i).timeUs(), zipped.events().get(i).timeUs());
            assertEquals(plain.events().get(i).source().line(), zipped.events().get(i).source().line());
        }
    }

    /**
     * A newer transformers' state, written by hand with CRLF line ends and non-ASCII values: logging_steps 2,
     * losses at steps 2, 4 (NaN) and 6, evaluations of 10 s after steps 4 and 8, train_runtime 100 s for 8 steps.
     * The steps share 100 − 20 = 80 s: 10 s each. From the start S: step 2 ends at S+20, step 4 at S+40, the first
     * evaluation runs S+40..S+50, step 6 ends at S+70, steps 7-8 (no loss logged: the final entry) at S+90, the
     * second evaluation runs S+90..S+100, and train() returns at S+100. Global batch 0.64 × 100 / 8 = 8; tokens
     * per step (8192 per 2 steps) 4096; total_flos 1.2e15 / 100 s = 12 TFLOP/s.
     */
    static final String NEWER = String.join("\r\n",
            "{",
            "  \"best_global_step\": null,",
            "  \"best_metric\": null,",
            "  \"best_model_checkpoint\": \"/sortie/modèle/checkpoint-8\",",
            "  \"epoch\": 2.0,",
            "  \"eval_steps\": 4,",
            "  \"global_step\": 8,",
            "  \"is_hyper_param_search\": false,",
            "  \"log_history\": [",
            "    {\"epoch\": 0.5, \"grad_norm\": 1.25, \"learning_rate\": 1e-4, \"loss\": 2.5, "
                    + "\"num_input_tokens_seen\": 8192, \"step\": 2},",
            "    {\"epoch\": 1.0, \"grad_norm\": NaN, \"learning_rate\": 1e-4, \"loss\": NaN, "
                    + "\"num_input_tokens_seen\": 16384, \"step\": 4},",
            "    {\"epoch\": 1.0, \"eval_loss\": 2.1, \"eval_runtime\": 10.0, \"eval_samples_per_second\": 3.2, "
                    + "\"eval_steps_per_second\": 0.4, \"step\": 4},",
            "    {\"epoch\": 1.5, \"learning_rate\": 1e-4, \"loss\": 2.0, \"num_input_tokens_seen\": 24576, \"step\": 6},",
            "    {\"epoch\": 2.0, \"eval_loss\": 1.9, \"eval_runtime\": 10.0, \"step\": 8},",
            "    {\"epoch\": 2.0, \"step\": 8, \"total_flos\": 1.2e15, \"train_loss\": 2.2, \"train_runtime\": 100.0, "
                    + "\"train_samples_per_second\": 0.64, \"train_steps_per_second\": 0.08}",
            "  ],",
            "  \"logging_steps\": 2,",
            "  \"max_steps\": 8,",
            "  \"num_input_tokens_seen\": 24576,",
            "  \"stateful_callbacks\": {\"TrainerControl\": {\"args\": {\"should_save\": true}, \"attributes\": {}}},",
            "  \"total_flos\": 1.2e15,",
            "  \"train_batch_size\": 4,",
            "  \"trial_name\": \"試行 1\",",
            "  \"trial_params\": null",
            "}", "");

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void evaluationsTokensAndTheTail() throws Exception {
        FileEvents f = HfTrainerStateReader.read(write("trainer_state.json", NEWER), START, LoadMode.STRICT);
        List<TrainerEvent.Steps> steps = of(f, TrainerEvent.Steps.class);
        assertEquals(List.of(2L, 4L, 6L, 8L), steps.stream().map(TrainerEvent.Steps::lastStep).toList());
        assertEquals(List.of(START + s(20), START + s(40), START + s(70), START + s(90)),
                steps.stream().map(TrainerEvent.Steps::timeUs).toList());
        assertTrue(steps.stream().allMatch(st -> st.count() == 2 && st.stepUs() == s(10) && st.batch() == 8));
        assertEquals(List.of(4096L, 4096L, 4096L, -1L), steps.stream().map(TrainerEvent.Steps::tokens).toList());
        assertEquals(10, steps.get(0).source().line()); // the entry of step 2

        List<TrainerEvent.Evaluation> evals = of(f, TrainerEvent.Evaluation.class);
        assertEquals(List.of(START + s(40), START + s(50), START + s(90), START + s(100)),
                evals.stream().map(TrainerEvent.Evaluation::timeUs).toList());
        assertEquals(s(10), evals.get(1).durationUs());
        assertEquals(START + s(100), of(f, TrainerEvent.End.class).get(0).timeUs());

        assertEquals("2", setting(f, TrainerEvent.SettingKey.LOG_INTERVAL));
        assertEquals("8", setting(f, TrainerEvent.SettingKey.GLOBAL_BATCH));
        assertTrue(setting(f, TrainerEvent.SettingKey.FLOP_FIGURE).contains("12.0 TFLOP/s"));
        assertTrue(f.problems().stream().anyMatch(p -> p.message().contains("1 log_history entries have a NaN")));
        assertTrue(f.problems().get(0).message().contains("less 20.00 s of evaluations"),
                f.problems().get(0).message());
    }

    /** A checkpoint folder's state has no train_runtime: only --start (to the file's time) can place it. */
    @Test
    void checkpointStateWithoutRuntime() throws Exception {
        String text = NEWER.replace(",\r\n    {\"epoch\": 2.0, \"step\": 8, \"total_flos\": 1.2e15, \"train_loss\": 2.2, "
                + "\"train_runtime\": 100.0, \"train_samples_per_second\": 0.64, \"train_steps_per_second\": 0.08}", "");
        assertFalse(text.contains("train_runtime"));
        Path p = write("checkpoint-8_trainer_state.json", text);
        assertTrue(HfTrainerStateReader.looksLike(p));
        InputException e = assertThrows(InputException.class,
                () -> HfTrainerStateReader.read(p, Times.UNKNOWN, LoadMode.STRICT));
        assertTrue(e.getMessage().contains("expected a train_runtime"), e.getMessage());

        Files.setLastModifiedTime(p, FileTime.fromMillis(START / 1000 + 100_000));
        FileEvents f = HfTrainerStateReader.read(p, START, LoadMode.STRICT);
        // 100 s from --start to the file's time, less 20 s of evaluations: 10 s a step again; no End.
        assertEquals(START + s(70), of(f, TrainerEvent.Steps.class).get(2).timeUs());
        assertTrue(of(f, TrainerEvent.End.class).isEmpty());
        assertEquals(3, of(f, TrainerEvent.Steps.class).size()); // steps 7-8 had no entry to report them
    }

    /** A file cut short: an error when strict; when lenient, a warning and the entries before the cut. */
    @Test
    void truncatedFile() throws Exception {
        String text = NEWER.substring(0, NEWER.indexOf("{\"epoch\": 1.5"));
        Path p = write("cut.json", text + "{\"epoch\": 1.5, \"lea");
        InputException e = assertThrows(InputException.class, () -> HfTrainerStateReader.read(p, START,
                LoadMode.STRICT));
        assertEquals(p + ":13: expected the rest of a field name; the file ends inside it (cut short?)", e.getMessage());
        Files.setLastModifiedTime(p, FileTime.fromMillis(START / 1000 + 100_000));
        FileEvents f = HfTrainerStateReader.read(p, START, LoadMode.LENIENT);
        assertEquals(2, of(f, TrainerEvent.Steps.class).size());
        assertTrue(f.problems().stream().anyMatch(pr -> pr.message().contains("the 3 log_history entries before "
                + "it are kept")), f.problems().toString());
    }

    /** An entry whose step is not a number: an error when strict, skipped with a warning when lenient. */
    @Test
    void badEntry() throws Exception {
        Path p = write("bad.json", NEWER.replace("\"loss\": 2.0, \"num_input_tokens_seen\": 24576, \"step\": 6",
                "\"loss\": 2.0, \"step\": \"six\""));
        InputException e = assertThrows(InputException.class, () -> HfTrainerStateReader.read(p, START,
                LoadMode.STRICT));
        assertTrue(e.getMessage().contains("bad.json:13: expected a whole number"), e.getMessage());
        FileEvents f = HfTrainerStateReader.read(p, START, LoadMode.LENIENT);
        assertEquals(List.of(2L, 4L, 8L), of(f, TrainerEvent.Steps.class).stream()
                .map(TrainerEvent.Steps::lastStep).toList());
    }

    @Test
    void looksLikeReadsTheShapeNotTheWords() throws Exception {
        assertTrue(HfTrainerStateReader.looksLike(QLORA));
        assertFalse(HfTrainerStateReader.looksLike(MlperfRecogniserTest.GOOGLE));
        assertFalse(HfTrainerStateReader.looksLike(write("a.json", "[{\"log_history\": [], \"global_step\": 1}]")));
        assertFalse(HfTrainerStateReader.looksLike(write("b.json",
                "{\"note\": \"log_history global_step\", \"global_step\": 3}")));
        assertFalse(HfTrainerStateReader.looksLike(write("c.json", "{\"log_history\": \"none\", \"global_step\": 3}")));
        assertFalse(HfTrainerStateReader.looksLike(write("d.json", "{\"log_history\": []}")));
        assertTrue(HfTrainerStateReader.looksLike(write("e.json", "{\"log_history\": [{\"step\": 1}], "
                + "\"max_steps\": 3}")));
        assertFalse(HfTrainerStateReader.looksLike(write("f.json", "{\"global_step\": 3, \"log_hist")));
        assertFalse(HfTrainerStateReader.looksLike(write("g.jsonl", "{\"event\": \"job_start\", \"t\": 1}\n")));
    }

    @Test
    void notATrainerState() throws Exception {
        Path p = write("empty.json", "{\"global_step\": 0, \"log_history\": []}");
        InputException e = assertThrows(InputException.class, () -> HfTrainerStateReader.read(p, START,
                LoadMode.LENIENT));
        assertTrue(e.getMessage().contains("expected log_history entries"), e.getMessage());
    }

    /** Through the loader and the derivation: the window is train_runtime, all of it training (no evaluations). */
    @Test
    void endToEnd() throws Exception {
        Path copy = tmp.resolve("trainer_state.json");
        Files.copy(QLORA, copy);
        dev.goodput.core.model.Run run = new dev.goodput.core.io.RunLoader(LoadMode.STRICT).load(List.of(copy));
        assertEquals(1, run.attempts().size());
        assertEquals(EndReason.COMPLETED, run.attempts().get(0).endReason());
        assertEquals(10000, run.steps().size());
        dev.goodput.core.report.GoodputReport r = dev.goodput.core.derive.GoodputDeriver.derive(run,
                dev.goodput.core.derive.DerivationSettings.defaults()).report();
        assertEquals(38738.2786, r.windowSeconds(), 1e-6);
        assertEquals(38738.2786, r.productiveSeconds(), 1e-3);
    }
}
