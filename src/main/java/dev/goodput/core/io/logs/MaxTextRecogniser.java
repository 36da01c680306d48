package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MaxText records (with absl's glog prefix {@code I0706 16:50:26.230209 140110937163584 metric_logger.py:214]}, whose
 * time has no year, or bare):
 * <ul>
 *   <li>{@code completed step: N, seconds: S, TFLOP/s/device: F, Tokens/s/device: T, total_weights: W, loss: L}: one
 *   step N of S seconds, F model TFLOP/s per device, W tokens (the loss's weights over the global batch);</li>
 *   <li>Orbax checkpoint saves ({@code Saving checkpoint at step N} … {@code Finished synchronous save.}, or the end of
 *   the blocking part of an asynchronous save, {@code [async] Finished blocking save in X seconds}) and MaxText's own
 *   {@code Saved a checkpoint at step N.} / {@code Started an asynchronous checkpoint save for step N}; restores
 *   ({@code restoring from this run's directory step N} … {@code Finished restoring checkpoint ...});</li>
 *   <li>settings: {@code Number of model params=1.104 billion}, {@code Num_devices: 4, shape ...},
 *   {@code TFRT TPU v5}, and the {@code Config param} dump's {@code max_target_length},
 *   {@code global_batch_size_to_train_on}, {@code run_name};</li>
 *   <li>Tunix's evaluation lines of MaxText's post-training examples ({@code Running evaluation on train step N.},
 *   {@code Completed eval after train step N, ...}).</li>
 * </ul>
 */
final class MaxTextRecogniser implements LineRecogniser {
    static final String FLOP_FIGURE = "MaxText TFLOP/s/device";

    private final Map<TrainerEvent.SettingKey, String> settings = new EnumMap<>(TrainerEvent.SettingKey.class);
    private boolean saveOpen;
    private long saveStep = -1;
    private long savedStep = Long.MIN_VALUE;
    private boolean loadOpen;

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int k = t.indexOf("completed step: ");
        if (k >= 0) {
            return step(line, t, k + "completed step: ".length(), out);
        }
        if ((t.indexOf("heckpoint") >= 0 || t.indexOf(" save") >= 0) && checkpoint(line, t, out)) {
            return true;
        }
        if ((k = t.indexOf("Config param ")) >= 0) {
            return config(line, t.substring(k + "Config param ".length()), out);
        }
        if ((k = t.indexOf("Number of model params=")) >= 0 || (k = t.indexOf("number parameters: ")) >= 0) {
            int at = t.indexOf(t.charAt(k) == 'N' ? '=' : ':', k) + 1;
            double v = TorchElasticText.number(t, at);
            if (Double.isNaN(v)) {
                return false;
            }
            int end = TorchElasticText.numberEnd(t, TorchElasticText.skipSpaces(t, at));
            String rest = t.substring(end).strip();
            String value = rest.startsWith("billion") ? TorchElasticText.clip(t.substring(
                    TorchElasticText.skipSpaces(t, at), end), 40) + "B" : Long.toString(Math.round(v));
            setting(line, TrainerEvent.SettingKey.PARAMETERS, value, out);
            return true;
        }
        if ((k = t.indexOf("Num_devices: ")) >= 0) {
            long n = TorchElasticText.whole(t, k + "Num_devices: ".length());
            if (n > 0) {
                setting(line, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(n), out);
                return true;
            }
            return false;
        }
        if (t.startsWith("TFRT TPU")) {
            setting(line, TrainerEvent.SettingKey.ACCELERATOR, t.substring("TFRT ".length()).strip(), out);
            return true;
        }
        if (t.indexOf("Running evaluation on train step ") >= 0) {
            out.accept(new TrainerEvent.Evaluation(line.timeUs(), line.source(), TrainerEvent.Edge.START, -1));
            return true;
        }
        if (t.indexOf("Completed eval after train step ") >= 0) {
            out.accept(new TrainerEvent.Evaluation(line.timeUs(), line.source(), TrainerEvent.Edge.END, -1));
            return true;
        }
        return false;
    }

    /** {@code completed step: N, seconds: S, TFLOP/s/device: F, Tokens/s/device: T, total_weights: W, loss: L}. */
    private boolean step(LogLine line, String t, int at, Consumer<TrainerEvent> out) throws BadRecord {
        long step = TorchElasticText.whole(t, at);
        if (step < 0) {
            throw new BadRecord("expected a step number after 'completed step:'");
        }
        double seconds = TorchElasticText.numberAfter(t, "seconds: ");
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new BadRecord("expected 'seconds: <time>' after 'completed step: " + step + ",' (the line is cut?)");
        }
        double tflops = TorchElasticText.numberAfter(t, "TFLOP/s/device: ");
        double weights = TorchElasticText.numberAfter(t, "total_weights: ");
        if (!Double.isNaN(tflops)) {
            setting(line, TrainerEvent.SettingKey.FLOP_FIGURE, FLOP_FIGURE, out);
        }
        out.accept(new TrainerEvent.Steps(line.timeUs(), line.source(), step, 1, Math.round(seconds * 1e6), -1,
                Double.isNaN(weights) || weights < 0 ? -1 : Math.round(weights),
                Double.isNaN(tflops) ? Double.NaN : tflops * 1e12, Double.NaN, 0));
        return true;
    }

    private boolean checkpoint(LogLine line, String t, Consumer<TrainerEvent> out) {
        long time = line.timeUs();
        int k;
        if ((k = t.indexOf("Saving checkpoint at step ")) >= 0 && (k == 0 || t.charAt(k - 1) == ' ')) {
            long step = TorchElasticText.whole(t, k + "Saving checkpoint at step ".length());
            saveOpen = true;
            saveStep = step;
            out.accept(new TrainerEvent.CheckpointSave(time, line.source(), step, TrainerEvent.Edge.START, -1));
            return true;
        }
        if ((k = t.indexOf("Finished blocking save")) >= 0) {
            if (saveOpen && t.indexOf("[sync]") < 0) { // asynchronous: training goes on from here
                double s = TorchElasticText.numberAfter(t.substring(k), "in ");
                endSave(line, saveStep, Double.isNaN(s) ? -1 : Math.round(s * 1e6), out);
                return true;
            }
            return false;
        }
        if (t.indexOf("Finished synchronous save.") >= 0) {
            if (saveOpen) {
                endSave(line, saveStep, -1, out);
                return true;
            }
            return false;
        }
        if ((k = t.indexOf("Saved a checkpoint at step ")) >= 0
                || (k = t.indexOf("Started an asynchronous checkpoint save for step ")) >= 0) {
            long step = TorchElasticText.whole(t, t.indexOf("step ", k + 10) + "step ".length());
            if (saveOpen) {
                endSave(line, step, -1, out);
            } else if (step != savedStep) {
                // No Orbax lines (absl at WARNING): the save blocked from the end of the last step to here.
                out.accept(new TrainerEvent.CheckpointSave(Times.UNKNOWN, line.source(), step,
                        TrainerEvent.Edge.START, -1));
                endSave(line, step, -1, out);
            }
            return true;
        }
        if ((k = t.indexOf("restoring from this run's directory step ")) >= 0) {
            long step = TorchElasticText.whole(t, k + "restoring from this run's directory step ".length());
            loadOpen = true;
            out.accept(new TrainerEvent.CheckpointLoad(time, line.source(), step, TrainerEvent.Edge.START, -1));
            return true;
        }
        if ((k = t.indexOf("Finished restoring checkpoint")) >= 0) {
            if (!loadOpen) {
                return false; // a restore MaxText did not announce (e.g. a tokenizer's or a reference model's)
            }
            loadOpen = false;
            double s = t.startsWith(" in ", k + "Finished restoring checkpoint".length())
                    ? TorchElasticText.number(t, k + "Finished restoring checkpoint in ".length()) : Double.NaN;
            out.accept(new TrainerEvent.CheckpointLoad(time, line.source(), -1, TrainerEvent.Edge.END,
                    Double.isNaN(s) ? -1 : Math.round(s * 1e6)));
            return true;
        }
        return false;
    }

    private void endSave(LogLine line, long step, long durationUs, Consumer<TrainerEvent> out) {
        out.accept(new TrainerEvent.CheckpointSave(line.timeUs(), line.source(), step, TrainerEvent.Edge.END,
                durationUs));
        saveOpen = false;
        savedStep = step;
    }

    /** {@code Config param key: value} of MaxText's configuration dump. */
    private boolean config(LogLine line, String kv, Consumer<TrainerEvent> out) {
        int colon = kv.indexOf(": ");
        if (colon < 0) {
            return false;
        }
        String key = kv.substring(0, colon);
        String value = kv.substring(colon + 2).strip();
        TrainerEvent.SettingKey setting = switch (key) {
            case "max_target_length" -> TrainerEvent.SettingKey.SEQ_LENGTH;
            case "global_batch_size_to_train_on" -> TrainerEvent.SettingKey.GLOBAL_BATCH;
            case "run_name" -> TrainerEvent.SettingKey.RUN_NAME;
            default -> null;
        };
        if (setting == null || value.isEmpty()) {
            return false;
        }
        setting(line, setting, value, out);
        return true;
    }

    private void setting(LogLine line, TrainerEvent.SettingKey key, String value, Consumer<TrainerEvent> out) {
        if (!value.equals(settings.put(key, value))) {
            out.accept(new TrainerEvent.Setting(line.timeUs(), line.source(), key, value));
        }
    }
}
