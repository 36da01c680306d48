package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The Megatron and DeepSpeed test logs (src/test/resources/logs, NOTICE.md) and helpers to read them. */
final class MegatronTestFiles {
    static final Path DIR = Path.of("src/test/resources/logs");
    /** Megatron-LM 2024, Mixtral 8x7B: timed iteration lines with throughput per GPU. */
    static final Path ISSUE756 = DIR.resolve("megatron_lm_issue756__mixtral8x7b_16xh100__iteration_lines.log");
    /** Megatron-LM 2023, GPT-2 345M: untimed iterations 100–2000, datetime markers, saves with timers. */
    static final Path GPT2_TRAIN = DIR.resolve("megatron_lm_2023__gpt2_345m_tp4__train_ckpt_excerpt.log");
    /** Same document: a checkpoint load with its timer after Python warnings. */
    static final Path GPT2_LOAD = DIR.resolve("megatron_lm_2023__gpt2_345m__ckpt_load_excerpt.log");
    /** Megatron-DeepSpeed, Llama: DeepSpeed step and steps lines beside Megatron's iteration lines. */
    static final Path LLAMA_DS = DIR.resolve("megatron_deepspeed_2023__llama_tp2_pp2__deepspeed_steps_ckpt_excerpt.log");
    /** ALCF Megatron-DeepSpeed on Aurora: key=value iteration lines, DeepSpeed step lines, 4-space indent. */
    static final Path ALCF = DIR.resolve("alcf_megatron_deepspeed__auroragpt2b_3072xpu__deepspeed_steps_excerpt.log");
    /** ALCF on Polaris: two iterations, a save start, then a traceback inside the save. */
    static final Path POLARIS = DIR.resolve("alcf_megatron_deepspeed__polaris__ckpt_save_crash_excerpt.log");
    /** BLOOM-176B iteration lines with elapsed time in seconds and [default7]: prefixes; five are wrapped. */
    static final Path BLOOM = DIR.resolve("bigscience__train_tr11-176B-ml_chronicles__iteration_lines_excerpt.log");

    private MegatronTestFiles() {
    }

    static FileEvents read(Path file, String format, LoadMode mode) throws IOException, InputException {
        return new TrainerLogReader(List.of(LogFormats.byId(format)), ZoneOffset.UTC, mode).read(file);
    }

    static FileEvents readAll(Path file, LoadMode mode) throws IOException, InputException {
        return new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, mode).read(file);
    }

    static <T extends TrainerEvent> List<T> of(FileEvents f, Class<T> type) {
        return f.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<String> settings(FileEvents f, TrainerEvent.SettingKey key) {
        return of(f, TrainerEvent.Setting.class).stream().filter(s -> s.key() == key)
                .map(TrainerEvent.Setting::value).toList();
    }

    /** Epoch µs of a UTC date and time, "2024-04-06T02:55:45" with an optional fraction. */
    static long utc(String isoLocal) {
        LocalDateTime t = LocalDateTime.parse(isoLocal);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static Path gzip(Path source, Path target) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(target))) {
            o.write(Files.readAllBytes(source));
        }
        return target;
    }
}
