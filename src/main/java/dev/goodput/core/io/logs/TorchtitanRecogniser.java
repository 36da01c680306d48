package dev.goodput.core.io.logs;

import dev.goodput.core.model.EndReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * torchtitan's logger lines ({@code [titan] 2026-05-20 03:18:30,018 - root - INFO - message}, or the older
 * {@code 2025-04-01 00:25:47,084 - root - INFO - message}; ANSI colours are gone by then):
 * <ul>
 *   <li>{@code step: N  loss: ...  memory: ...  tps: 8,911  tflops: 180.76  mfu: 8.13%}: the steps since the last such
 *   line (torchtitan logs every {@code metrics.log_freq} steps), with the trainer's model TFLOP/s and MFU per GPU;</li>
 *   <li>checkpoint saves ({@code Saving the checkpoint ...}, {@code Saving a full checkpoint at last step, step N.},
 *   {@code Finished saving the checkpoint (or staging if async is enabled)in 1.23 seconds.}) and loads
 *   ({@code Loading the checkpoint at step N.}, {@code Finished loading the checkpoint in X seconds.});</li>
 *   <li>{@code Training starts at step N} (a time anchor), {@code Training completed} (the job ends completed);</li>
 *   <li>settings: the device mesh (world size), {@code CUDA capacity: NVIDIA B200 with ...} (accelerator),
 *   {@code Peak FLOPS used for computing MFU: 2.250e+15}, {@code Trainer is initialized with local batch size ...,
 *   global batch size ..., sequence length ...}, the model's parameters, and the launch command's
 *   {@code --nproc_per_node}, {@code --nnodes} and {@code --training.*} arguments.</li>
 * </ul>
 */
final class TorchtitanRecogniser implements LineRecogniser {
    static final String FLOP_FIGURE = "torchtitan tflops / mfu (model FLOPs per GPU)";

    private final Map<TrainerEvent.SettingKey, String> settings = new EnumMap<>(TrainerEvent.SettingKey.class);
    private long lastStep = -1;
    private long globalBatch = -1;
    private long localBatch = -1;
    private boolean saveOpen;
    private long saveStep = -1;

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int info = t.indexOf(" - INFO - ");
        if (info < 0) {
            return t.indexOf("torchtitan") >= 0 && t.indexOf("--") >= 0 && command(line, t, out);
        }
        String msg = t.substring(info + " - INFO - ".length());
        if (msg.startsWith("step:")) {
            return step(line, msg, out);
        }
        long time = line.timeUs();
        if (msg.startsWith("Saving the checkpoint") || msg.startsWith("Saving a ")
                && msg.contains("checkpoint") && msg.contains("at last step, step ")) {
            if (!saveOpen) {
                int k = msg.lastIndexOf("step ");
                long step = msg.startsWith("Saving a ") ? TorchElasticText.whole(msg, k + 5) : lastStep;
                saveOpen = true;
                saveStep = step;
                out.accept(new TrainerEvent.CheckpointSave(time, line.source(), step, TrainerEvent.Edge.START, -1));
            }
            return true;
        }
        if (msg.startsWith("Finished saving the checkpoint")) {
            double s = TorchElasticText.numberAfter(msg, "in ");
            long step = saveOpen ? saveStep : lastStep;
            saveOpen = false;
            out.accept(new TrainerEvent.CheckpointSave(time, line.source(), step, TrainerEvent.Edge.END,
                    Double.isNaN(s) ? -1 : Math.round(s * 1e6)));
            return true;
        }
        if (msg.startsWith("Loading the checkpoint")) {
            int k = msg.indexOf("at step ");
            long step = k >= 0 ? TorchElasticText.whole(msg, k + "at step ".length()) : TorchElasticText.stepInPath(msg);
            out.accept(new TrainerEvent.CheckpointLoad(time, line.source(), step, TrainerEvent.Edge.START, -1));
            return true;
        }
        if (msg.startsWith("Finished loading the checkpoint")) {
            double s = TorchElasticText.numberAfter(msg, "in ");
            out.accept(new TrainerEvent.CheckpointLoad(time, line.source(), -1, TrainerEvent.Edge.END,
                    Double.isNaN(s) ? -1 : Math.round(s * 1e6)));
            return true;
        }
        if (msg.startsWith("Training starts at step ")) {
            out.accept(new TrainerEvent.Marker(time, line.source(), msg.strip()));
            return true;
        }
        if (msg.startsWith("Training completed")) {
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.COMPLETED, "torchtitan: training completed"));
            return true;
        }
        return settingLine(line, msg, out);
    }

    /** {@code step: N  loss: ...  tps: ...  tflops: ...  mfu: ...%} (also {@code step: 640/644 = 99.4%  loss: ...}). */
    private boolean step(LogLine line, String msg, Consumer<TrainerEvent> out) throws BadRecord {
        int at = TorchElasticText.skipSpaces(msg, "step:".length());
        long step = TorchElasticText.whole(msg, at);
        int end = TorchElasticText.numberEnd(msg, at);
        if (step < 0 || end < msg.length() && msg.charAt(end) != ' ' && msg.charAt(end) != '/') {
            throw new BadRecord("expected a step number after 'step:'");
        }
        double tflops = TorchElasticText.numberAfter(msg, "tflops:");
        double mfu = TorchElasticText.numberAfter(msg, "mfu:");
        if (!Double.isNaN(tflops) || !Double.isNaN(mfu)) {
            setting(line, TrainerEvent.SettingKey.FLOP_FIGURE, FLOP_FIGURE, out);
        }
        lastStep = step;
        out.accept(new TrainerEvent.Steps(line.timeUs(), line.source(), step, TrainerEvent.UNKNOWN_COUNT, -1,
                globalBatch, -1, Double.isNaN(tflops) ? Double.NaN : tflops * 1e12,
                Double.isNaN(mfu) ? Double.NaN : mfu / 100, 0));
        return true;
    }

    private boolean settingLine(LogLine line, String msg, Consumer<TrainerEvent> out) {
        int k;
        if (msg.startsWith("Building ") && (k = msg.indexOf("device mesh with ")) >= 0) {
            long world = meshSize(msg, k);
            if (world > 0) {
                setting(line, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(world), out);
                long dp = Math.max(1, meshDim(msg, "dp_replicate=")) * Math.max(1, meshDim(msg, "dp_shard="));
                if (globalBatch < 0 && localBatch > 0 && msg.contains("dp_shard=")) {
                    globalBatch = localBatch * dp;
                    setting(line, TrainerEvent.SettingKey.GLOBAL_BATCH, Long.toString(globalBatch), out);
                }
            }
            return true;
        }
        if ((k = msg.indexOf(" capacity: ")) > 0 && msg.indexOf(" with ", k) > 0 && msg.endsWith("memory")) {
            String name = msg.substring(k + " capacity: ".length(), msg.indexOf(" with ", k)).strip();
            if (!name.isEmpty()) {
                setting(line, TrainerEvent.SettingKey.ACCELERATOR, name, out);
                return true;
            }
            return false;
        }
        if (msg.startsWith("Peak FLOPS used for computing MFU: ")) {
            String v = msg.substring("Peak FLOPS used for computing MFU: ".length()).strip();
            if (!Double.isNaN(TorchElasticText.number(v, 0))) {
                setting(line, TrainerEvent.SettingKey.PEAK_FLOPS, v, out);
                setting(line, TrainerEvent.SettingKey.FLOP_FIGURE, FLOP_FIGURE, out);
                return true;
            }
            return false;
        }
        if (msg.startsWith("Trainer is initialized with ")) {
            long global = wholeAfter(msg, "global batch size ");
            long seq = wholeAfter(msg, "sequence length ");
            if (global > 0) {
                globalBatch = global;
                setting(line, TrainerEvent.SettingKey.GLOBAL_BATCH, Long.toString(global), out);
            }
            if (seq > 0) {
                setting(line, TrainerEvent.SettingKey.SEQ_LENGTH, Long.toString(seq), out);
            }
            return true;
        }
        if ((k = msg.indexOf("size: ")) >= 0 && msg.contains(" total parameters")) {
            long n = TorchElasticText.whole(msg, k + "size: ".length());
            if (n > 0) {
                setting(line, TrainerEvent.SettingKey.PARAMETERS, Long.toString(n), out);
                return true;
            }
        }
        if (msg.startsWith("Float8 training active")) {
            setting(line, TrainerEvent.SettingKey.PRECISION, "fp8", out);
            return true;
        }
        return false;
    }

    /** The launch command ({@code torchrun --nproc_per_node=8 ... -m torchtitan.train --training.seq_len=128 ...}). */
    private boolean command(LogLine line, String t, Consumer<TrainerEvent> out) {
        boolean any = false;
        long world = TorchElasticRecogniser.worldSizeOfCommand(t);
        if (world > 0) {
            setting(line, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(world), out);
            any = true;
        }
        long seq = wholeAfter(t, "--training.seq_len=");
        if (seq > 0) {
            setting(line, TrainerEvent.SettingKey.SEQ_LENGTH, Long.toString(seq), out);
            any = true;
        }
        long local = wholeAfter(t, "--training.local_batch_size=");
        if (local > 0) {
            localBatch = local;
            any = true;
        }
        long global = wholeAfter(t, "--training.global_batch_size=");
        if (global > 0) {
            globalBatch = global;
            setting(line, TrainerEvent.SettingKey.GLOBAL_BATCH, Long.toString(global), out);
            any = true;
        }
        return any;
    }

    /** World size from the mesh line: pp × dp_replicate × dp_shard × cp × tp, or the product of the shape list. */
    private static long meshSize(String msg, int k) {
        if (msg.contains("parallelism:")) {
            long world = 1;
            boolean any = false;
            for (String dim : new String[] {"pp=", "dp_replicate=", "dp_shard=", "cp=", "tp="}) {
                long v = meshDim(msg, dim);
                if (v > 0) {
                    world *= v;
                    any = true;
                }
            }
            return any ? world : -1;
        }
        // Older torchtitan: "Building 2-D device mesh with ['dp', 'tp'], [4, 2]".
        int list = msg.indexOf("], [", k);
        if (list < 0) {
            return -1;
        }
        int close = msg.indexOf(']', list + 4);
        if (close < 0) {
            return -1;
        }
        long world = 1;
        for (String part : msg.substring(list + 4, close).split(",")) {
            long v = TorchElasticText.whole(part, 0);
            if (v <= 0) {
                return -1;
            }
            world *= v;
        }
        return world;
    }

    /** {@code name=N} at a word start (so "pp=" does not match inside "dp_replicate="). */
    private static long meshDim(String msg, String name) {
        int k = msg.indexOf(name);
        while (k > 0 && (Character.isLetterOrDigit(msg.charAt(k - 1)) || msg.charAt(k - 1) == '_')) {
            k = msg.indexOf(name, k + 1);
        }
        return k < 0 ? -1 : TorchElasticText.whole(msg, k + name.length());
    }

    private static long wholeAfter(String s, String key) {
        int k = s.indexOf(key);
        return k < 0 ? -1 : TorchElasticText.whole(s, k + key.length());
    }

    private void setting(LogLine line, TrainerEvent.SettingKey key, String value, Consumer<TrainerEvent> out) {
        if (!value.equals(settings.put(key, value))) {
            long t = line.timeUs();
            out.accept(new TrainerEvent.Setting(t, line.source(), key, value));
        }
    }

    @Override
    public String toString() {
        return "torchtitan(last step " + lastStep + ")";
    }
}
