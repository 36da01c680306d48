package dev.goodput.core.io.logs;

import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.function.Consumer;

/**
 * DeepSpeed's own records, for logs of training loops that DeepSpeed drives without Megatron:
 * <ul>
 *   <li>{@code [Rank 0] step=N, skipped=K, lr=[...], mom=[...]} (every {@code steps_per_print} steps): one
 *   {@link TrainerEvent.Steps} report ending at step N (count unknown: the steps since the previous report), its
 *   skipped steps from the growth of the cumulative {@code skipped} counter;</li>
 *   <li>the pipeline engine's {@code steps: N loss: L iter time (s): T samples/sec: S}: the mean step time T over
 *   the report, and the batch {@code round(S × T)} (S is the global batch ÷ T); merged into the {@code step=N}
 *   report just before it, or a report of its own;</li>
 *   <li>the throughput timer's {@code ... RunningAvgSamplesPerSec=R, CurrSamplesPerSec=C, ...}: when no
 *   {@code iter time} is logged and the config dump gave {@code train_batch_size} B, the step time B ÷ C (C covers
 *   only the engine's forward-to-step time of the last step: data loading is left out);</li>
 *   <li>overflow lines ({@code OVERFLOW! Rank 0 Skipping step}, {@code Overflow detected. Skipping step}): counted
 *   as the skipped steps of a first report, whose cumulative counter has no earlier value to subtract;</li>
 *   <li>checkpoint saves: {@code [Torch] Checkpoint global_stepN is about to be saved!} (or, from versions that do
 *   not print it, {@code Saving model checkpoint: PATH}) starts one, the last
 *   {@code [Torch] Checkpoint global_stepN is ready now!} of the same rank before DeepSpeed's next other record
 *   ends it (every rank commits its files and says so); newer versions print no end;</li>
 *   <li>the config dump's {@code train_batch_size} (GLOBAL_BATCH) and {@code steps_per_print} (LOG_INTERVAL).</li>
 * </ul>
 * In a Megatron-DeepSpeed log the same steps are also reported by Megatron's iteration line, which has the time per
 * iteration: {@link MegatronRecogniser} (tried first) then takes these lines itself without events
 * ({@link #kind}), so that no step or save is counted twice.
 */
final class DeepSpeedRecogniser implements LineRecogniser {
    static final int NONE = 0;
    static final int STEP = 1;
    static final int PIPE_STEPS = 2;
    static final int THROUGHPUT = 3;
    static final int OVERFLOW = 4;
    static final int SAVE_START = 5;
    static final int SAVE_READY = 6;
    static final int SAVE_FILE = 7;
    static final int CONFIG = 8;

    /** Lines after which a held step report may still be completed by the lines that follow it. */
    private static final int MERGE_WINDOW = 50;

    private final MegatronScan scan = new MegatronScan();

    // The step= report held for the lines of the same step that follow it.
    private Held held;
    private long lastReportStep = -1;
    private long lastSkippedTotal = -1;
    private int overflows;
    private long trainBatch = -1;
    private long stepsPerPrint = -1;

    // The open save: its step, the rank that started it, and the latest "ready now" of that rank.
    private boolean saveOpen;
    private long saveStep = -1;
    private int saveRank;
    private long readyUs = Times.UNKNOWN;
    private Source readySource;

    private static final class Held {
        final long step;
        final long timeUs;
        final Source source;
        final int rank;
        final long line;
        int skipped;
        long stepUs = -1;
        long batch = -1;
        boolean fromRate;

        Held(long step, long timeUs, Source source, int rank, long line) {
            this.step = step;
            this.timeUs = timeUs;
            this.source = source;
            this.rank = rank;
            this.line = line;
        }
    }

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int kind = kind(t);
        if (kind == NONE) {
            if (line.rank() == rankOfHeld() && held != null && (line.number() - held.line > MERGE_WINDOW
                    || !(t.contains("loss scale") || t.contains("time (ms)")))) {
                flush(out);
            }
            return false;
        }
        if (readySource != null && line.rank() == saveRank && kind != SAVE_READY && kind != SAVE_FILE
                && kind != OVERFLOW) {
            endSave(out); // the save's last "ready now" was the one before this record
        }
        switch (kind) {
            case STEP -> step(line, t, out);
            case PIPE_STEPS -> pipeSteps(line, t, out);
            case THROUGHPUT -> throughput(line, t);
            case OVERFLOW -> {
                if (held == null || line.rank() == held.rank) {
                    overflows++;
                }
            }
            case SAVE_START -> {
                flush(out);
                if (!saveOpen) {
                    saveOpen = true;
                    saveStep = globalStep(t);
                    saveRank = line.rank();
                    out.accept(new TrainerEvent.CheckpointSave(line.timeUs(), line.source(), saveStep,
                            TrainerEvent.Edge.START, -1));
                }
            }
            case SAVE_READY -> {
                if (saveOpen && line.rank() == saveRank) {
                    readyUs = line.timeUs();
                    readySource = line.source();
                }
            }
            case CONFIG -> config(line, t, out);
            default -> {
                // SAVE_FILE: the checkpoint engine's per-file lines, part of the open save
            }
        }
        return true;
    }

    @Override
    public void finish(Consumer<TrainerEvent> out) {
        flush(out);
        if (readySource != null) {
            endSave(out);
        }
    }

    private int rankOfHeld() {
        return held == null ? Integer.MIN_VALUE : held.rank;
    }

    private void step(LogLine line, String t, Consumer<TrainerEvent> out) throws BadRecord {
        flush(out);
        int k = t.indexOf(" step=");
        long step = scan.digits(t, k + 6);
        int p = t.indexOf(", skipped=", scan.end);
        long total = scan.digits(t, p + 10);
        if (total < 0) {
            throw new BadRecord("expected a number after 'skipped=' in DeepSpeed's step line");
        }
        if (step == 0) {
            // The engine's report at start-up: no step yet; the counter starts again.
            lastSkippedTotal = -1;
            lastReportStep = -1;
            overflows = 0;
            return;
        }
        long skipped;
        if (lastSkippedTotal >= 0 && total >= lastSkippedTotal && step > lastReportStep) {
            skipped = total - lastSkippedTotal;
        } else if (lastReportStep < 0 || step <= lastReportStep) {
            // A first report: the counter may carry the skips of earlier jobs (it is restored with the checkpoint).
            skipped = Math.max(overflows, Math.min(total, stepsPerPrint > 0 ? stepsPerPrint : step));
        } else {
            skipped = overflows;
        }
        if (lastReportStep >= 0 && step > lastReportStep) {
            skipped = Math.min(skipped, step - lastReportStep);
        }
        held = new Held(step, line.timeUs(), line.source(), line.rank(), line.number());
        held.skipped = (int) Math.min(Integer.MAX_VALUE, skipped);
        lastSkippedTotal = total;
        lastReportStep = step;
        overflows = 0;
    }

    private void pipeSteps(LogLine line, String t, Consumer<TrainerEvent> out) throws BadRecord {
        int b = MegatronScan.skipSpaces(t, 0);
        long step = scan.digits(t, b + 7);
        int it = t.indexOf(" iter time (s): ", b);
        if (it < 0) {
            throw new BadRecord("expected 'iter time (s):' in DeepSpeed's steps line");
        }
        double seconds = scan.number(t, it + 16);
        if (Double.isNaN(seconds)) {
            throw new BadRecord("expected a number after 'iter time (s):'");
        }
        int sp = t.indexOf("samples/sec: ", scan.end);
        double rate = sp < 0 ? Double.NaN : scan.number(t, sp + 13);
        long stepUs = Math.round(seconds * 1e6);
        long batch = rate > 0 && seconds > 0 ? Math.round(rate * seconds) : -1;
        if (held != null && held.step == step && line.rank() == held.rank) {
            held.stepUs = stepUs;
            held.batch = batch > 0 ? batch : held.batch;
            held.fromRate = false;
            flush(out);
            return;
        }
        flush(out);
        int skipped = overflows;
        if (lastReportStep >= 0 && step > lastReportStep) {
            skipped = (int) Math.min(skipped, step - lastReportStep);
        }
        out.accept(new TrainerEvent.Steps(line.timeUs(), line.source(), step, TrainerEvent.UNKNOWN_COUNT, stepUs,
                batch, -1, Double.NaN, Double.NaN, skipped));
        lastReportStep = step;
        overflows = 0;
    }

    private void throughput(LogLine line, String t) {
        if (held == null || line.rank() != held.rank || held.stepUs >= 0 || trainBatch <= 0
                || line.number() - held.line > 5) {
            return;
        }
        int k = t.indexOf("CurrSamplesPerSec=");
        if (k < 0) {
            return;
        }
        double rate = scan.number(t, k + 18);
        if (rate > 0) {
            held.stepUs = Math.round(trainBatch / rate * 1e6);
            held.batch = trainBatch;
            held.fromRate = true;
        }
    }

    private void config(LogLine line, String t, Consumer<TrainerEvent> out) {
        long v = configValue(t, "train_batch_size");
        if (v > 0) {
            trainBatch = v;
            out.accept(new TrainerEvent.Setting(line.timeUs(), line.source(), TrainerEvent.SettingKey.GLOBAL_BATCH,
                    Long.toString(v)));
            return;
        }
        v = configValue(t, "steps_per_print");
        if (v > 0) {
            stepsPerPrint = v;
            out.accept(new TrainerEvent.Setting(line.timeUs(), line.source(), TrainerEvent.SettingKey.LOG_INTERVAL,
                    Long.toString(v)));
        }
    }

    private long configValue(String t, String name) {
        int k = t.indexOf(name + " .");
        if (k < 0) {
            return -1;
        }
        int p = k + name.length() + 1;
        while (p < t.length() && t.charAt(p) == '.') {
            p++;
        }
        return scan.digits(t, MegatronScan.skipSpaces(t, p));
    }

    private void flush(Consumer<TrainerEvent> out) {
        if (held == null) {
            return;
        }
        Held h = held;
        held = null;
        out.accept(new TrainerEvent.Steps(h.timeUs, h.source, h.step, TrainerEvent.UNKNOWN_COUNT, h.stepUs, h.batch,
                -1, Double.NaN, Double.NaN, h.skipped));
    }

    private void endSave(Consumer<TrainerEvent> out) {
        out.accept(new TrainerEvent.CheckpointSave(readyUs, readySource, saveStep, TrainerEvent.Edge.END, -1));
        saveOpen = false;
        readySource = null;
        readyUs = Times.UNKNOWN;
    }

    /** N of a {@code global_stepN} checkpoint tag or path in the line, or -1. */
    private long globalStep(String t) {
        int k = t.indexOf("global_step");
        return k < 0 ? -1 : scan.digits(t, k + 11);
    }

    /**
     * Which DeepSpeed record the line is, or {@link #NONE}. Used by {@link MegatronRecogniser} too, to take these
     * lines in Megatron-DeepSpeed logs.
     */
    static int kind(String t) {
        int st = t.indexOf("step");
        if (st < 0 && t.indexOf("heckpoint") < 0 && t.indexOf("train_batch_size") < 0) {
            return NONE;
        }
        if (st >= 0) {
            int k = t.indexOf(" step=");
            if (k >= 0) {
                int d = k + 6;
                while (d < t.length() && TimeText.isDigit(t.charAt(d))) {
                    d++;
                }
                if (d > k + 6 && t.startsWith(", skipped=", d)) {
                    return STEP;
                }
            }
            if (t.indexOf("SamplesPerSec=") >= 0) {
                return THROUGHPUT;
            }
            int b = MegatronScan.skipSpaces(t, 0);
            if (t.startsWith("steps: ", b) && b + 7 < t.length() && TimeText.isDigit(t.charAt(b + 7))
                    && t.indexOf(" loss: ", b) > 0) {
                return PIPE_STEPS;
            }
            if (t.indexOf("Skipping step") >= 0 && (t.indexOf("OVERFLOW! Rank") >= 0
                    || t.indexOf("Overflow detected. Skipping step") >= 0
                    || t.indexOf("loss scale overflow! Skipping step") >= 0)) {
                return OVERFLOW;
            }
            if (t.indexOf("steps_per_print .") >= 0) {
                return CONFIG;
            }
        }
        int c = t.indexOf("[Torch] ");
        if (c >= 0) {
            if (t.startsWith("Checkpoint ", c + 8)) {
                if (t.indexOf(" is about to be saved", c) > 0) {
                    return SAVE_START;
                }
                if (t.indexOf(" is ready now", c) > 0) {
                    return SAVE_READY;
                }
            }
            if (t.startsWith("Saving ", c + 8) || t.startsWith("Saved ", c + 8)) {
                return SAVE_FILE;
            }
        }
        if (t.indexOf("Saving model checkpoint: ") >= 0) {
            return SAVE_START;
        }
        if (t.indexOf("train_batch_size .") >= 0) {
            return CONFIG;
        }
        return NONE;
    }

    /** N of a {@code step=N, skipped=} line, or -1. */
    static long stepOf(String t, MegatronScan scan) {
        int k = t.indexOf(" step=");
        return k < 0 ? -1 : scan.digits(t, k + 6);
    }
}
