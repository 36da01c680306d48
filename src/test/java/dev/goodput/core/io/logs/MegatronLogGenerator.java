package dev.goodput.core.io.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Writes a realistic Megatron-LM log of about a given size for the reading benchmark, deterministic from a seed:
 * a start banner and arguments dump, then timed iteration lines at log interval 1 in current Megatron-LM's format
 * (about one line in three), among the lines a real log has around them (NCCL INFO lines, Python warnings, memory
 * reports, timer blocks); a checkpoint save every {@link #SAVE_INTERVAL} iterations with its timer block, an
 * evaluation every {@link #EVAL_INTERVAL}; now and then the job dies and starts again (banner, arguments, and a load
 * of the last save, whose iterations are then repeated).
 */
public final class MegatronLogGenerator {
    public static final int SAVE_INTERVAL = 500;
    public static final int EVAL_INTERVAL = 1000;
    /** A restart after this many iterations, on average. */
    public static final int RESTART_EVERY = 20_000;
    public static final long TRAIN_ITERS = 10_000_000;
    public static final int WORLD_SIZE = 64;
    public static final int GLOBAL_BATCH = 1024;
    public static final int SEQ_LENGTH = 4096;
    private static final long START_US = LocalDateTime.of(2024, 5, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;

    /**
     * What was written.
     *
     * @param iterations iteration lines (one Steps event each), repeats after restarts included
     * @param saves      completed checkpoint saves
     * @param restarts   process starts after the first
     * @param lastUs     the time of the last line (epoch µs)
     */
    public record Written(long bytes, long lines, long iterations, long saves, long loads, long evaluations,
                          long restarts, long lastUs) {
    }

    private final Random random;
    private final int restartEvery;
    private final StringBuilder line = new StringBuilder(512);
    private Writer out;
    private long bytes;
    private long lines;
    private long nowUs = START_US;

    private MegatronLogGenerator(long seed, int restartEvery) {
        random = new Random(seed);
        this.restartEvery = restartEvery;
    }

    /** Writes at least {@code targetBytes} (UTF-8) to {@code path}, ending after a whole iteration. */
    public static Written write(Path path, long targetBytes, long seed) throws IOException {
        return write(path, targetBytes, seed, RESTART_EVERY);
    }

    /** The same with a restart after {@code restartEvery} iterations on average (tests want a few in a small log). */
    static Written write(Path path, long targetBytes, long seed, int restartEvery) throws IOException {
        MegatronLogGenerator g = new MegatronLogGenerator(seed, restartEvery);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16)) {
            g.out = w;
            return g.run(targetBytes);
        }
    }

    private Written run(long targetBytes) throws IOException {
        long iteration = 0;
        long lastSave = 0;
        long iterations = 0;
        long saves = 0;
        long loads = 0;
        long evaluations = 0;
        long restarts = 0;
        start(0);
        while (bytes < targetBytes) {
            iteration++;
            iterations++;
            long stepUs = 2_000_000 + random.nextInt(200_000) + (random.nextInt(1000) == 0 ? 3_000_000 : 0);
            nowUs += stepUs;
            iterationLine(iteration, stepUs);
            int noise = random.nextInt(5); // 0..4: two on average, so one line in three is an iteration
            for (int i = 0; i < noise; i++) {
                noise(iteration);
            }
            if (iteration % EVAL_INTERVAL == 0) {
                evaluation(iteration);
                evaluations++;
            }
            if (iteration % SAVE_INTERVAL == 0) {
                save(iteration);
                saves++;
                lastSave = iteration;
            }
            if (bytes < targetBytes && random.nextInt(restartEvery) == 0) {
                crash(iteration);
                nowUs += 300_000_000L + random.nextInt(600) * 1_000_000L; // 5 to 15 min down
                restarts++;
                start(lastSave);
                if (lastSave > 0) {
                    loads++;
                }
                iteration = lastSave;
            }
        }
        out.flush();
        return new Written(bytes, lines, iterations, saves, loads, evaluations, restarts, nowUs);
    }

    // ---- the lines

    private void start(long loadIteration) throws IOException {
        emit("using world size: " + WORLD_SIZE + ", data-parallel size: 8, context-parallel size: 1, hierarchical "
                + "context-parallel sizes: None, tensor-model-parallel size: 8, pipeline-model-parallel size: 1");
        emit("------------------------ arguments ------------------------");
        String[][] args = {{"adam_beta1", "0.9"}, {"adam_beta2", "0.95"}, {"bf16", "True"},
                {"ckpt_format", "torch_dist"}, {"clip_grad", "1.0"}, {"data_parallel_size", "8"},
                {"eval_interval", Integer.toString(EVAL_INTERVAL)}, {"eval_iters", "10"}, {"ffn_hidden_size", "14336"},
                {"fp16", "False"}, {"fp8", "None"}, {"global_batch_size", Integer.toString(GLOBAL_BATCH)},
                {"hidden_size", "4096"}, {"load", "/ckpt"}, {"log_interval", "1"}, {"log_throughput", "True"},
                {"lr", "0.0003"}, {"micro_batch_size", "1"}, {"num_attention_heads", "32"}, {"num_layers", "32"},
                {"num_query_groups", "8"}, {"recompute_granularity", "None"}, {"save", "/ckpt"},
                {"save_interval", Integer.toString(SAVE_INTERVAL)}, {"seq_length", Integer.toString(SEQ_LENGTH)},
                {"tensor_model_parallel_size", "8"}, {"train_iters", Long.toString(TRAIN_ITERS)},
                {"world_size", Integer.toString(WORLD_SIZE)}};
        for (String[] a : args) {
            line.setLength(0);
            line.append("  ").append(a[0]).append(' ');
            line.append(".".repeat(Math.max(0, 48 - a[0].length()))).append(' ').append(a[1]);
            emitLine();
        }
        emit("-------------------- end of arguments ---------------------");
        emit("> initializing torch distributed ...");
        for (int i = 0; i < 8; i++) {
            emit(nccl(i, "Bootstrap : Using eth0:10.0.0." + (10 + i) + "<0>"));
        }
        nowUs += 20_000_000;
        marker("after megatron is initialized");
        emit("building GPT model ...");
        emit(" > number of parameters on (tensor, pipeline) model parallel rank (0, 0): 1003528192");
        nowUs += 5_000_000;
        if (loadIteration > 0) {
            emit(" loading distributed checkpoint from /ckpt at iteration " + loadIteration);
            long us = 30_000_000 + random.nextInt(10_000_000);
            nowUs += us;
            emit("  successfully loaded checkpoint from /ckpt [ t 1/8, p 1/1 ] at iteration " + loadIteration);
            timer("load-checkpoint", us);
        } else {
            emit("WARNING: could not find the metadata file /ckpt/latest_checkpointed_iteration.txt");
            emit("    will not load any checkpoints and will start from random");
        }
        marker("after model, optimizer, and learning rate scheduler are built");
        nowUs += 3_000_000;
        marker("after dataloaders are built");
        emit("done with setup ...");
        emit("training ...");
        marker("before the start of training step");
    }

    private void iterationLine(long iteration, long stepUs) throws IOException {
        line.setLength(0);
        line.append(' ');
        timestamp(line, nowUs, true);
        line.append(" iteration ");
        pad(line, iteration, 8).append('/');
        pad(line, TRAIN_ITERS, 8).append(" | consumed samples: ");
        pad(line, iteration * GLOBAL_BATCH, 12).append(" | elapsed time per iteration (ms): ");
        fixed(line, stepUs / 1000.0, 1).append(" | throughput per GPU (TFLOP/s/GPU): ");
        fixed(line, 450.0 * 2_000_000 / stepUs, 1).append(" | learning rate: 3.000000E-04 | global batch size: ");
        pad(line, GLOBAL_BATCH, 5).append(" | lm loss: ");
        fixed(line, 2 + random.nextDouble(), 6).append("E+00 | loss scale: 1.0 | grad norm: ");
        fixed(line, 0.2 + random.nextDouble(), 3).append(" | number of skipped iterations:   0 | number of nan "
                + "iterations:   0 |");
        emitLine();
    }

    private void noise(long iteration) throws IOException {
        switch (random.nextInt(6)) {
            case 0, 1, 2 -> emit(nccl(random.nextInt(8), "Channel " + two(random.nextInt(32)) + "/32 : 0["
                    + random.nextInt(8) + "] -> 1[" + random.nextInt(8) + "] via P2P/IPC/read"));
            case 3 -> {
                emit("/usr/local/lib/python3.10/dist-packages/torch/distributed/distributed_c10d.py:3071: "
                        + "UserWarning: torch.distributed._reduce_scatter_base is a private function and will be "
                        + "deprecated. Please use torch.distributed.reduce_scatter_tensor instead.");
                emit("  warnings.warn(");
            }
            case 4 -> emit("[Rank " + random.nextInt(WORLD_SIZE) + "] (after " + iteration + " iterations) memory "
                    + "(MB) | allocated: 54250.97802734375 | max allocated: 54250.98583984375 | reserved: 61480.0 "
                    + "| max reserved: 61480.0");
            default -> {
                emit("(min, max) time across ranks (ms):");
                line.setLength(0);
                line.append("    forward-backward ...............................: (");
                fixed(line, 1800 + random.nextInt(100), 2).append(", ");
                fixed(line, 1900 + random.nextInt(100), 2).append(')');
                emitLine();
            }
        }
    }

    private void evaluation(long iteration) throws IOException {
        long us = 20_000_000 + random.nextInt(5_000_000);
        nowUs += us;
        timer("evaluate", us);
        emit("-".repeat(100));
        emit(" validation loss at iteration " + iteration + " | lm loss value: 2.100000E+00 | lm loss PPL: "
                + "8.166170E+00 | ");
        emit("-".repeat(100));
    }

    private void save(long iteration) throws IOException {
        nowUs += 100_000;
        line.setLength(0);
        timestamp(line, nowUs, true);
        line.append(" saving checkpoint at iteration ");
        pad(line, iteration, 7).append(" to /ckpt in torch_dist format");
        emitLine();
        long us = 15_000_000 + random.nextInt(20_000_000);
        nowUs += us;
        line.setLength(0);
        line.append("  ");
        timestamp(line, nowUs, true);
        line.append(" successfully saved checkpoint from iteration ");
        pad(line, iteration, 7).append(" to /ckpt [ t 1/8, p 1/1 ]");
        emitLine();
        timer("save-checkpoint", us + 100_000);
    }

    private void crash(long iteration) throws IOException {
        nowUs += random.nextInt(60_000_000);
        emit(nccl(random.nextInt(8), "[Service thread] Error encountered progressing operation=Connect, "
                + "res=3, closing connection"));
        // As PyTorch's ProcessGroupNCCL writes it (glog time, no year), ten minutes after the collective began.
        nowUs += 600_000_000L;
        int rank = random.nextInt(WORLD_SIZE);
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(nowUs, 1_000_000L), 0, ZoneOffset.UTC);
        line.setLength(0);
        line.append("[rank").append(rank).append("]:[E").append(two(t.getMonthValue())).append(two(t.getDayOfMonth()))
                .append(' ').append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':')
                .append(two(t.getSecond())).append('.');
        pad0(line, Math.floorMod(nowUs, 1_000_000L), 6).append("000 ProcessGroupNCCL.cpp:616] [Rank ").append(rank)
                .append("] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=").append(iteration * 7)
                .append(", OpType=ALLREDUCE, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for 600020 "
                        + "milliseconds before timing out.");
        emitLine();
    }

    private void marker(String what) throws IOException {
        line.setLength(0);
        line.append('[').append(what).append("] datetime: ");
        timestamp(line, nowUs, false);
        line.append(' ');
        emitLine();
    }

    private void timer(String name, long us) throws IOException {
        emit("(min, max) time across ranks (ms):");
        line.setLength(0);
        line.append("    ").append(name).append(' ').append(".".repeat(Math.max(3, 48 - name.length()))).append(": (");
        fixed(line, us * 0.98 / 1000.0, 2).append(", ");
        fixed(line, us / 1000.0, 2).append(')');
        emitLine();
    }

    private String nccl(int device, String message) {
        return "node" + two(device / 8 + 1) + ":" + (4000 + device) + ":" + (5000 + device) + " [" + (device % 8)
                + "] NCCL INFO " + message;
    }

    // ---- output and formatting (by hand: String.format would dominate writing a gigabyte)

    private void emit(String text) throws IOException {
        line.setLength(0);
        line.append(text);
        emitLine();
    }

    private void emitLine() throws IOException {
        line.append('\n');
        out.append(line);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        lines++;
    }

    /** {@code [YYYY-mm-dd HH:MM:SS.ffffff]} (with brackets) or {@code YYYY-mm-dd HH:MM:SS}. */
    private static void timestamp(StringBuilder b, long us, boolean bracketsAndMicros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(us, 1_000_000L), 0, ZoneOffset.UTC);
        if (bracketsAndMicros) {
            b.append('[');
        }
        b.append(t.getYear()).append('-').append(two(t.getMonthValue())).append('-').append(two(t.getDayOfMonth()))
                .append(' ').append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':')
                .append(two(t.getSecond()));
        if (bracketsAndMicros) {
            b.append('.');
            pad0(b, Math.floorMod(us, 1_000_000L), 6).append(']');
        }
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static StringBuilder pad(StringBuilder b, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        return b.append(s);
    }

    private static StringBuilder pad0(StringBuilder b, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    private static StringBuilder fixed(StringBuilder b, double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long r = Math.round(v * scale);
        b.append(r / scale);
        if (decimals > 0) {
            b.append('.');
            pad0(b, Math.abs(r % scale), decimals);
        }
        return b;
    }
}
