package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * NeMo / NeMo 2 (Lightning) records, wherever they are in the line (NeMo-Run and Ray put their own prefix first):
 * <ul>
 *   <li>the progress printer's {@code Training epoch E, iteration i/n | ... | global_batch_size: B | global_step: G |
 *   ... | train_step_timing in s: T [| TFLOPS_per_GPU: F]}: one step, numbered by {@code global_step} (0-based,
 *   counted across epochs and kept across restores; without it {@code E × n + i}); no time of its own;</li>
 *   <li>NeMo's logging lines {@code [NeMo I 2025-03-07 22:35:22 model_checkpoint:497] ...}: checkpoint saves
 *   ({@code Global Checkpoint Save : ... Start time: ...s : Save duration: ...s}, {@code Scheduled async checkpoint
 *   save for ...step=K...}: the save blocked from the end of step K to that line), preemption ({@code Preemption
 *   detected, saving checkpoint and exiting}: the job ends preempted), the straggler detector's reports and its
 *   {@code Detected stragglers. Terminating training...} (a fault), and time anchors;</li>
 *   <li>Lightning's restore lines ({@code Restoring states from the checkpoint path at ...},
 *   {@code Restored all states from the checkpoint at ...}), {@code `Trainer.fit` stopped: `max_steps=N` reached.}
 *   (completed), {@code Initializing distributed: GLOBAL_RANK: r, MEMBER: m/N} (world size) and
 *   {@code Validation: iteration i/n} (evaluation).</li>
 * </ul>
 */
final class NemoRecogniser implements LineRecogniser {
    static final String FLOP_FIGURE = "NeMo TFLOPS_per_GPU (FLOPsMeasurementCallback)";

    private final Map<TrainerEvent.SettingKey, String> settings = new EnumMap<>(TrainerEvent.SettingKey.class);
    private long lastStep = Long.MIN_VALUE;
    /** Whether a step was read since the program (re)started: NeMo lines before it are startup anchors. */
    private boolean training;
    private long lastMarkerUs = Times.UNKNOWN;
    private long lastSaveStep = Long.MIN_VALUE;
    /** The straggler report being read: 1 = relative performance, 2 = individual performance, 0 = none. */
    private int report;
    private final List<String> relative = new ArrayList<>();
    private String affected;

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int k = t.indexOf("Training epoch ");
        if (k >= 0) {
            return iteration(line, t, k, out);
        }
        if (report != 0) {
            if (t.indexOf("Rank=") >= 0 && t.indexOf("Score=") >= 0) {
                if (report == 1) {
                    relative.add(rankScore(t));
                }
                return true;
            }
            report = 0;
        }
        k = t.indexOf("[NeMo ");
        if (k >= 0) {
            return nemoLine(line, t, k, out);
        }
        if (t.indexOf("GPU relative performance:") >= 0) {
            report = 1;
            relative.clear();
            return true;
        }
        if (t.indexOf("GPU individual performance:") >= 0) {
            report = 2;
            return true;
        }
        if ((k = t.indexOf("Validation: iteration ")) >= 0) {
            return validation(line, t, k + "Validation: iteration ".length(), out);
        }
        if ((k = t.indexOf("Restoring states from the checkpoint path at ")) >= 0) {
            training = false;
            out.accept(new TrainerEvent.CheckpointLoad(time(line), line.source(), TorchElasticText.stepInPath(t),
                    TrainerEvent.Edge.START, -1));
            return true;
        }
        if (t.indexOf("Restored all states from the checkpoint") >= 0) {
            out.accept(new TrainerEvent.CheckpointLoad(time(line), line.source(), TorchElasticText.stepInPath(t),
                    TrainerEvent.Edge.END, -1));
            return true;
        }
        if ((k = t.indexOf("`Trainer.fit` stopped: ")) >= 0) {
            String why = t.substring(k + "`Trainer.fit` stopped: ".length());
            if (why.contains("max_steps=") || why.contains("max_epochs=") || why.contains("max_time")) {
                out.accept(new TrainerEvent.End(time(line), line.source(), EndReason.COMPLETED,
                        "Trainer.fit stopped: " + TorchElasticText.clip(why.replace("`", ""), 120)));
                return true;
            }
            return false;
        }
        if ((k = t.indexOf("Initializing distributed: GLOBAL_RANK: ")) >= 0) {
            training = false; // a (re)started program
            int slash = t.indexOf('/', k);
            long n = slash < 0 ? -1 : TorchElasticText.whole(t, slash + 1);
            if (n > 0) {
                setting(line, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(n), out);
                return true;
            }
            return false;
        }
        if ((k = t.indexOf("All distributed processes registered. Starting with ")) >= 0) {
            long n = TorchElasticText.whole(t, k + "All distributed processes registered. Starting with ".length());
            if (n > 0) {
                setting(line, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(n), out);
                return true;
            }
        }
        return false;
    }

    /** {@code Training epoch E, iteration i/n | key: value | ...}. */
    private boolean iteration(LogLine line, String t, int k, Consumer<TrainerEvent> out) throws BadRecord {
        int i = k + "Training epoch ".length();
        if (i >= t.length() || !TimeText.isDigit(t.charAt(i))) {
            return false; // "Training epoch ended", a mention in passing
        }
        long epoch = TorchElasticText.whole(t, i);
        int it = t.indexOf(", iteration ", i);
        if (it < 0) {
            if (", iteration ".startsWith(t.substring(TorchElasticText.numberEnd(t, i)))) {
                throw new BadRecord("expected ', iteration N/M' after 'Training epoch " + epoch + "' (the line is cut?)");
            }
            return false; // "Training epoch 3 finished": a mention in passing
        }
        int a = it + ", iteration ".length();
        long iter = TorchElasticText.whole(t, a);
        int slash = t.indexOf('/', a);
        long perEpoch = slash < 0 ? -1 : TorchElasticText.whole(t, slash + 1);
        if (epoch < 0 || iter < 0 || perEpoch < 0) {
            throw new BadRecord("expected 'iteration N/M' after 'Training epoch " + epoch + ",'");
        }
        if (t.indexOf(" | ", slash) < 0) {
            throw new BadRecord("expected '| key: value' fields after 'iteration " + iter + "/" + perEpoch
                    + "' (the line is cut?)");
        }
        long globalStep = -1;
        long batch = -1;
        double timing = Double.NaN;
        double tflops = Double.NaN;
        int p = t.indexOf(" | ", slash);
        while (p >= 0) {
            int from = p + 3;
            int next = t.indexOf(" | ", from);
            int to = next < 0 ? t.length() : next;
            int colon = t.indexOf(": ", from);
            if (colon < 0 || colon >= to) {
                throw new BadRecord("expected 'key: value' after '|' in iteration " + iter + " of epoch " + epoch
                        + " (the line is cut?)");
            }
            String key = t.substring(from, colon);
            switch (key) {
                case "global_step" -> globalStep = wholeField(t, colon + 2, to, key);
                case "global_batch_size" -> batch = Math.round(numberField(t, colon + 2, to, key));
                case "train_step_timing in s" -> timing = numberField(t, colon + 2, to, key);
                case "TFLOPS_per_GPU" -> tflops = numberField(t, colon + 2, to, key);
                default -> {
                }
            }
            p = next;
        }
        // "iteration i/n" counts 0..n: an epoch has n + 1 iterations.
        long step = globalStep >= 0 ? globalStep : epoch * (perEpoch + 1) + iter;
        int count = lastStep == Long.MIN_VALUE || step <= lastStep ? 1 : (int) Math.min(step - lastStep, 1_000_000);
        lastStep = step;
        training = true;
        if (batch > 0) {
            setting(line, TrainerEvent.SettingKey.GLOBAL_BATCH, Long.toString(batch), out);
        }
        if (!Double.isNaN(tflops)) {
            setting(line, TrainerEvent.SettingKey.FLOP_FIGURE, FLOP_FIGURE, out);
        }
        long stepUs = Double.isNaN(timing) ? -1 : Math.round(timing * 1e6);
        out.accept(new TrainerEvent.Steps(time(line), line.source(), step, count, stepUs, batch, -1,
                Double.isNaN(tflops) ? Double.NaN : tflops * 1e12, Double.NaN, 0));
        return true;
    }

    private static double numberField(String t, int from, int to, String key) throws BadRecord {
        int end = TorchElasticText.numberEnd(t, from);
        double v = TorchElasticText.number(t, from);
        if (Double.isNaN(v) || end < to && t.charAt(end) != ' ') {
            throw new BadRecord("expected a number after '" + key + ":'");
        }
        return v;
    }

    private static long wholeField(String t, int from, int to, String key) throws BadRecord {
        double v = numberField(t, from, to, key);
        if (v < 0 || v != Math.rint(v)) {
            throw new BadRecord("expected a whole number after '" + key + ":'");
        }
        return (long) v;
    }

    /** {@code [NeMo I 2025-03-07 22:35:22 model_checkpoint:497] message}. */
    private boolean nemoLine(LogLine line, String t, int k, Consumer<TrainerEvent> out) {
        int at = k + "[NeMo ".length();
        if (at + 2 >= t.length() || t.charAt(at + 1) != ' ') {
            return false;
        }
        char level = t.charAt(at);
        long time = TimeText.dateTime(t, at + 2, line.clock());
        if (time == Times.UNKNOWN) {
            return false;
        }
        int close = t.indexOf(']', TimeText.end());
        if (close < 0) {
            return false;
        }
        String msg = t.substring(close + 1).strip();
        String logger = t.substring(TimeText.end(), close).strip();
        if (msg.startsWith("Experiments will be logged at")) {
            training = false; // a (re)started program
        }
        if (msg.startsWith("Scheduled async checkpoint save for ")) {
            long step = TorchElasticText.stepInPath(msg);
            if (step < 0 || step != lastSaveStep) {
                // The save blocked training from the end of the last step to here (the async part runs on).
                out.accept(new TrainerEvent.CheckpointSave(Times.UNKNOWN, line.source(), step,
                        TrainerEvent.Edge.START, -1));
                out.accept(new TrainerEvent.CheckpointSave(time, line.source(), step, TrainerEvent.Edge.END, -1));
                lastSaveStep = step;
            }
            return true;
        }
        if (msg.startsWith("Global Checkpoint Save : ")) {
            return globalSave(line, msg, out);
        }
        if (msg.startsWith("Successfully saved checkpoint from iteration ")) {
            // Megatron-Core's dist-checkpoint line: for an async save the background part's end (the scheduled line
            // had the save); alone, a synchronous save that blocked from the end of the last step to here.
            long step = TorchElasticText.whole(msg, "Successfully saved checkpoint from iteration ".length());
            if (step >= 0 && step != lastSaveStep) {
                out.accept(new TrainerEvent.CheckpointSave(Times.UNKNOWN, line.source(), step,
                        TrainerEvent.Edge.START, -1));
                out.accept(new TrainerEvent.CheckpointSave(time, line.source(), step, TrainerEvent.Edge.END, -1));
                lastSaveStep = step;
                return true;
            }
            return marker(line, time, "checkpoint saved: " + TorchElasticText.clip(msg, 100), out);
        }
        if (msg.startsWith("Async checkpoint save for step ") && msg.contains("finalized successfully")) {
            return marker(line, time, "async checkpoint save finalized: " + TorchElasticText.clip(msg, 100), out);
        }
        if (msg.startsWith("Received signal ")) {
            return marker(line, time, msg, out);
        }
        if (msg.startsWith("Preemption detected")) {
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.PREEMPTED, msg));
            return true;
        }
        if (msg.contains("STRAGGLER DETECTION WARNING")) {
            affected = msg;
            return marker(line, time, "straggler detection warning", out);
        }
        if (msg.startsWith("Detected stragglers")) {
            out.accept(stragglerFault(line, time, msg));
            return true;
        }
        if (logger.startsWith("straggler_det_callback") && msg.isEmpty()) {
            return marker(line, time, "straggler detection report", out); // the report's lines follow
        }
        if (msg.startsWith("Loading distributed optimizer")) {
            return marker(line, time, TorchElasticText.clip(msg, 100), out);
        }
        if (!training && level != 'E' && !logger.startsWith("rerun_state_machine") && !msg.isEmpty()) {
            // Startup: the program says what it does; the first step starts after the last of these. (The rerun
            // state machine's lines are written inside the first step.)
            return marker(line, time, TorchElasticText.clip(msg, 100), out);
        }
        return false;
    }

    /** {@code Global Checkpoint Save : Rank: 0 : Iteration: 49 : Start time: 1750290740.432s : Save duration: 23.107s}. */
    private boolean globalSave(LogLine line, String msg, Consumer<TrainerEvent> out) {
        long step = TorchElasticText.whole(msg, msg.indexOf("Iteration: ") < 0 ? msg.length()
                : msg.indexOf("Iteration: ") + "Iteration: ".length());
        double start = TorchElasticText.numberAfter(msg, "Start time: ");
        double duration = TorchElasticText.numberAfter(msg, "Save duration: ");
        if (Double.isNaN(start) || Double.isNaN(duration) || start < 1e9) {
            return false;
        }
        long startUs = Math.round(start * 1e6);
        long durUs = Math.round(duration * 1e6);
        out.accept(new TrainerEvent.CheckpointSave(startUs, line.source(), step, TrainerEvent.Edge.START, -1));
        out.accept(new TrainerEvent.CheckpointSave(startUs + durUs, line.source(), step, TrainerEvent.Edge.END,
                durUs));
        lastSaveStep = step;
        return true;
    }

    private TrainerEvent.Fault stragglerFault(LogLine line, long time, String msg) {
        StringBuilder b = new StringBuilder("straggler detection stopped training");
        int worstRank = -1;
        String worstNode = null;
        double worst = Double.MAX_VALUE;
        List<String> ranks = new ArrayList<>();
        if (affected != null) {
            int p = affected.indexOf("rank=");
            while (p >= 0) {
                long r = TorchElasticText.whole(affected, p + 5);
                int nodeAt = affected.indexOf("node='", p);
                String node = null;
                if (nodeAt >= 0) {
                    int q = affected.indexOf('\'', nodeAt + 6);
                    node = q > 0 ? affected.substring(nodeAt + 6, q) : null;
                }
                String score = scoreOf(r);
                ranks.add(r + (score != null ? " (" + score + ")" : ""));
                double s = score != null ? Double.parseDouble(score) : Double.MAX_VALUE;
                if (worstRank < 0 || s < worst) {
                    worst = s;
                    worstRank = (int) r;
                    worstNode = node;
                }
                p = affected.indexOf("rank=", p + 5);
            }
        }
        if (!ranks.isEmpty()) {
            b.append("; affected ranks (relative performance score): ").append(String.join(", ", ranks));
            if (worstNode != null) {
                b.append(" on node ").append(worstNode);
            }
        } else if (!relative.isEmpty()) {
            b.append("; relative performance scores (rank=score): ").append(String.join(", ", relative));
        }
        affected = null;
        return new TrainerEvent.Fault(time, line.source(), FaultClassifier.bundled().classify(msg), b.toString(),
                worstRank, worstNode);
    }

    /** "Rank=5 Node=host Score=0.97" → "5:0.97" kept for the fault's message. */
    private static String rankScore(String t) {
        long r = TorchElasticText.whole(t, t.indexOf("Rank=") + 5);
        int s = t.indexOf("Score=");
        int e = TorchElasticText.numberEnd(t, s + 6);
        return r + "=" + t.substring(s + 6, e);
    }

    private String scoreOf(long rank) {
        String prefix = rank + "=";
        for (String r : relative) {
            if (r.startsWith(prefix)) {
                return r.substring(prefix.length());
            }
        }
        return null;
    }

    /** {@code Validation: iteration i/n}: the first starts an evaluation, the last ends it. */
    private boolean validation(LogLine line, String t, int at, Consumer<TrainerEvent> out) {
        long i = TorchElasticText.whole(t, at);
        int slash = t.indexOf('/', at);
        long n = slash < 0 ? -1 : TorchElasticText.whole(t, slash + 1);
        if (i < 0 || n < 0) {
            return false;
        }
        if (i <= 1) {
            out.accept(new TrainerEvent.Evaluation(time(line), line.source(), TrainerEvent.Edge.START, -1));
        }
        if (i >= n) {
            out.accept(new TrainerEvent.Evaluation(time(line), line.source(), TrainerEvent.Edge.END, -1));
        }
        return true;
    }

    private boolean marker(LogLine line, long time, String what, Consumer<TrainerEvent> out) {
        if (lastMarkerUs == Times.UNKNOWN || time > lastMarkerUs) {
            out.accept(new TrainerEvent.Marker(time, line.source(), what));
            lastMarkerUs = time;
        }
        return true;
    }

    private void setting(LogLine line, TrainerEvent.SettingKey key, String value, Consumer<TrainerEvent> out) {
        if (!value.equals(settings.put(key, value))) {
            out.accept(new TrainerEvent.Setting(time(line), line.source(), key, value));
        }
    }

    /** A line's own time (NeMo's progress lines have none; a relay or a wrapper may have put one). */
    private static long time(LogLine line) {
        return TorchElasticText.time(TorchElasticText.unwrap(line));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NeMo(last step %d)", lastStep);
    }
}
