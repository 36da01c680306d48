package dev.goodput.core.io.logs;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MLPerf training's {@code :::MLLOG {json}} records (mlperf-logging), and NVIDIA's {@code :::SYSJSON {json}} system
 * description. Each record's JSON is read with a streaming parser ({@link MlperfRecord}); its {@code time_ms} is
 * the event's time.
 *
 * <ul>
 *   <li>{@code init_start}: every rank logs one; the earliest of the first cluster opens the run with a
 *   {@link TrainerEvent.Launch} (emitted once the cluster is over, i.e. at the first other record, with the
 *   earliest one's time and line). Later {@code init_start}s of the same run give nothing; one after a
 *   {@code run_stop} opens the next run.</li>
 *   <li>{@code init_stop}, {@code run_start}: {@link TrainerEvent.Marker}s. Launch to run_start is the
 *   benchmark's initialisation (program startup).</li>
 *   <li>{@code block_stop} (or {@code epoch_stop} in a log with no blocks): one {@link TrainerEvent.Steps}
 *   covering the training since the last boundary (run_start, the last block_stop or eval_stop), ending at the
 *   block's stop; see {@link #units} for how many steps it is. A log with neither has a Steps for each stretch
 *   of run_start..run_stop outside evaluations.</li>
 *   <li>{@code eval_start}/{@code eval_stop}: {@link TrainerEvent.Evaluation} START/END (the end carries its
 *   duration).</li>
 *   <li>{@code run_stop}: {@link TrainerEvent.End}: status success → COMPLETED, aborted → FAULT, else UNKNOWN.</li>
 *   <li>Settings: {@code global_batch_size}, {@code max_sequence_length} (or {@code seq_length}),
 *   {@code submission_platform} and the SYSJSON's {@code accelerator_model_name},
 *   {@code number_of_nodes} × {@code accelerators_per_node} ({@link MlperfPlatform}).</li>
 * </ul>
 * Everything else ({@code cache_clear}, {@code opt_*}, {@code eval_accuracy}'s value, {@code submission_*},
 * {@code train_samples}) is taken as this format's but gives no event.
 */
final class MlperfRecogniser implements LineRecogniser {
    static final String TAG = ":::MLLOG";
    static final String SYS_TAG = ":::SYSJSON";

    private final MlperfRecord rec = new MlperfRecord();
    private final Map<TrainerEvent.SettingKey, String> emitted = new EnumMap<>(TrainerEvent.SettingKey.class);

    // The run's opening: the earliest init_start of the cluster not yet passed on.
    private long launchUs = Times.UNKNOWN;
    private Source launchSource;
    private boolean runOpen; // a Launch was emitted and no run_stop followed yet

    // Run state.
    private long runStartUs = Times.UNKNOWN;
    private long boundaryUs = Times.UNKNOWN; // where the next stretch of training begins
    private long evalStartUs = Times.UNKNOWN;
    private boolean blocks; // block_stop (or epoch_stop) seen in this run
    private boolean realBlocks; // block_start or block_stop seen in this run
    private double blockFirst = Double.NaN; // the open block's first_epoch_num and epoch_count (from block_start)
    private double blockCount = Double.NaN;
    private double unitsDone = Double.NaN; // the progress counter (epoch_num / samples_count) at the last boundary
    private long lastStep;
    private long unitSize; // progress units per step, once known; -1 when they cannot be turned into steps
    private Pending pending; // a block whose end counter comes with a later record

    // Settings the run's steps need.
    private long globalBatch = -1;
    private long seqLength = -1;

    /** A block that ended without saying how far it got: the next record with a counter says. */
    private record Pending(long endUs, Source source, long fromUs, double fromUnits) {
    }

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int colon = t.indexOf(":::");
        if (colon < 0) {
            return false;
        }
        int at = t.indexOf(TAG, colon);
        if (at >= 0) {
            int brace = skipSpaces(t, at + TAG.length());
            if (brace >= t.length() || t.charAt(brace) != '{') {
                return false; // the tag quoted in passing
            }
            rec.parse(t, brace, TAG);
            mllog(line.source(), out);
            return true;
        }
        at = t.indexOf(SYS_TAG, colon);
        if (at >= 0) {
            int brace = skipSpaces(t, at + SYS_TAG.length());
            if (brace >= t.length() || t.charAt(brace) != '{') {
                return false;
            }
            MlperfPlatform.Accelerators sys = MlperfPlatform.sysJson(t, brace);
            if (sys.accelerator() != null) {
                setting(Times.UNKNOWN, line.source(), TrainerEvent.SettingKey.ACCELERATOR, sys.accelerator(), out);
            }
            if (sys.count() > 0) {
                setting(Times.UNKNOWN, line.source(), TrainerEvent.SettingKey.WORLD_SIZE,
                        Long.toString(sys.count()), out);
            }
            return true;
        }
        return false;
    }

    @Override
    public void finish(Consumer<TrainerEvent> out) {
        flushLaunch(out);
        flushPending(Double.NaN, out);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private void mllog(Source src, Consumer<TrainerEvent> out) {
        long t = rec.timeUs;
        String key = rec.key;
        if (key.equals("init_start")) {
            if (!runOpen && (launchUs == Times.UNKNOWN || t < launchUs)) {
                launchUs = t;
                launchSource = src;
            }
            return;
        }
        if (key.equals("cache_clear")) {
            return; // logged before init_start: not part of the timed run
        }
        flushLaunch(out);
        double counter = rec.counter();
        switch (key) {
            case "init_stop" -> out.accept(new TrainerEvent.Marker(t, src, "MLPerf init_stop"));
            case "run_start" -> {
                flushPending(Double.NaN, out);
                out.accept(new TrainerEvent.Marker(t, src, "MLPerf run_start"));
                runStartUs = t;
                boundaryUs = t;
                unitsDone = 0;
            }
            case "block_start" -> {
                flushPending(first(rec.firstEpochNum, counter), out);
                realBlocks = true;
                blockFirst = rec.firstEpochNum;
                blockCount = rec.epochCount;
            }
            case "block_stop" -> {
                flushPending(Double.NaN, out);
                blocks = true;
                realBlocks = true;
                blockEnd(t, src, rec.firstEpochNum, rec.epochCount, out);
            }
            case "epoch_stop" -> {
                // Epochs stand for blocks only in a log that has none; they may nest inside blocks or wrap them.
                if (!realBlocks && runOpen && runStartUs != Times.UNKNOWN) {
                    flushPending(Double.NaN, out);
                    blocks = true;
                    blockEnd(t, src, Double.NaN, Double.NaN, out);
                }
            }
            case "eval_start" -> {
                flushPending(counter, out);
                if (!blocks && boundaryUs != Times.UNKNOWN && t > boundaryUs) {
                    stretch(t, src, counter, out);
                }
                evalStartUs = t;
                out.accept(new TrainerEvent.Evaluation(t, src, TrainerEvent.Edge.START, -1));
            }
            case "eval_stop" -> {
                flushPending(counter, out);
                long d = evalStartUs != Times.UNKNOWN && t >= evalStartUs ? t - evalStartUs : -1;
                out.accept(new TrainerEvent.Evaluation(t, src, TrainerEvent.Edge.END, d));
                evalStartUs = Times.UNKNOWN;
                if (boundaryUs != Times.UNKNOWN) {
                    boundaryUs = Math.max(boundaryUs, t);
                }
                if (!Double.isNaN(counter)) {
                    unitsDone = counter;
                }
            }
            case "run_stop" -> {
                flushPending(counter, out);
                if (!blocks && boundaryUs != Times.UNKNOWN && t > boundaryUs && evalStartUs == Times.UNKNOWN) {
                    stretch(t, src, counter, out);
                }
                String status = rec.status;
                EndReason reason = status == null ? EndReason.UNKNOWN : switch (status.trim().toLowerCase(
                        java.util.Locale.ROOT)) {
                    case "success" -> EndReason.COMPLETED;
                    case "aborted", "abort", "failed", "failure" -> EndReason.FAULT;
                    default -> EndReason.parse(status);
                };
                out.accept(new TrainerEvent.End(t, src, reason, "MLPerf run_stop"
                        + (status == null ? " (no status)" : ", status " + status)));
                endRun();
            }
            case "global_batch_size" -> {
                long v = rec.valueLong();
                if (v > 0) {
                    globalBatch = v;
                    setting(t, src, TrainerEvent.SettingKey.GLOBAL_BATCH, Long.toString(v), out);
                }
            }
            case "max_sequence_length", "seq_length", "sequence_length", "max_seq_length" -> {
                long v = rec.valueLong();
                if (v > 0) {
                    seqLength = v;
                    setting(t, src, TrainerEvent.SettingKey.SEQ_LENGTH, Long.toString(v), out);
                }
            }
            case "submission_platform" -> {
                MlperfPlatform.Accelerators sys = MlperfPlatform.parse(rec.valueText);
                if (sys.accelerator() != null) {
                    setting(t, src, TrainerEvent.SettingKey.ACCELERATOR, sys.accelerator(), out);
                }
                if (sys.count() > 0) {
                    setting(t, src, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(sys.count()), out);
                }
            }
            default -> {
                // eval_accuracy and the like carry the counter a pending block waits for.
                if (!Double.isNaN(counter)) {
                    flushPending(counter, out);
                }
            }
        }
    }

    private static double first(double a, double b) {
        return Double.isNaN(a) ? b : a;
    }

    private void flushLaunch(Consumer<TrainerEvent> out) {
        if (launchUs != Times.UNKNOWN) {
            out.accept(new TrainerEvent.Launch(launchUs, launchSource, "MLPerf init_start"));
            launchUs = Times.UNKNOWN;
            launchSource = null;
            runOpen = true;
        }
    }

    private void endRun() {
        runOpen = false;
        runStartUs = Times.UNKNOWN;
        boundaryUs = Times.UNKNOWN;
        evalStartUs = Times.UNKNOWN;
        blocks = false;
        realBlocks = false;
        blockFirst = Double.NaN;
        blockCount = Double.NaN;
        unitsDone = Double.NaN;
        lastStep = 0;
        unitSize = 0;
        pending = null;
    }

    /**
     * A block ended at {@code t}: its training began at the last boundary. How far it got is its
     * {@code first_epoch_num + epoch_count} (from the stop, else its start), else the counter of the next record
     * that has one (MaxText's first block_stop has neither; the eval_accuracy after it says).
     */
    private void blockEnd(long t, Source src, double first, double count, Consumer<TrainerEvent> out) {
        long from = boundaryUs != Times.UNKNOWN ? boundaryUs : t;
        double start = !Double.isNaN(first) ? first : !Double.isNaN(blockFirst) ? blockFirst : unitsDone;
        if (Double.isNaN(count) && !Double.isNaN(blockCount) && (Double.isNaN(first) || first == blockFirst)) {
            count = blockCount;
        }
        blockFirst = Double.NaN;
        blockCount = Double.NaN;
        boundaryUs = t;
        if (!Double.isNaN(start) && !Double.isNaN(count)) {
            emit(t, src, from, start, start + count, out);
        } else {
            pending = new Pending(t, src, from, start);
        }
    }

    /** Training from the last boundary to {@code t} in a log with no blocks. */
    private void stretch(long t, Source src, double counter, Consumer<TrainerEvent> out) {
        emit(t, src, boundaryUs, unitsDone, counter, out);
        boundaryUs = t;
    }

    private void flushPending(double counter, Consumer<TrainerEvent> out) {
        if (pending != null) {
            Pending p = pending;
            pending = null;
            emit(p.endUs(), p.source(), p.fromUs(), p.fromUnits(), counter, out);
        }
    }

    /** One Steps event for the training from {@code fromUs} to {@code endUs}, counters {@code u0} to {@code u1}. */
    private void emit(long endUs, Source src, long fromUs, double u0, double u1, Consumer<TrainerEvent> out) {
        long steps = units(u0, u1);
        long batch = globalBatch;
        if (steps <= 0) {
            steps = 1; // the block is the step
            batch = -1;
        }
        if (!Double.isNaN(u1)) {
            unitsDone = u1;
        }
        long span = Math.max(0, endUs - fromUs);
        lastStep += steps;
        out.accept(new TrainerEvent.Steps(endUs, src, lastStep, (int) Math.min(Integer.MAX_VALUE, steps),
                span / steps, batch, -1, Double.NaN, Double.NaN, 0));
    }

    /**
     * How many training steps the counters {@code u0..u1} cover, or 0 when that cannot be told (then the block
     * counts as one step). MLPerf logs no step numbers: its counters ({@code first_epoch_num}, {@code epoch_count},
     * {@code epoch_num}, {@code samples_count}) are in the benchmark's own unit: tokens for GPT-3 (both v4.0 logs'
     * counters are multiples of global_batch_size × max_sequence_length), samples for most others, epochs for
     * ResNet. The first block fixes the unit for the run: a step is global_batch_size × max_sequence_length units
     * when the block's count is a whole number of those, else global_batch_size units when it is a whole number of
     * those, else blocks are steps.
     */
    private long units(double u0, double u1) {
        if (Double.isNaN(u0) || Double.isNaN(u1) || u1 <= u0 || u1 != Math.rint(u1) || u0 != Math.rint(u0)) {
            return 0;
        }
        long delta = (long) (u1 - u0);
        if (unitSize == 0) {
            if (globalBatch > 0 && seqLength > 0 && delta % (globalBatch * seqLength) == 0) {
                unitSize = globalBatch * seqLength;
            } else if (globalBatch > 0 && delta % globalBatch == 0) {
                unitSize = globalBatch;
            } else {
                unitSize = -1;
            }
        }
        return unitSize > 0 && delta % unitSize == 0 ? delta / unitSize : 0;
    }

    /**
     * Each setting once per file, the first value (as the stitcher keeps the first): NVIDIA's SYSJSON names the
     * accelerator more precisely ("NVIDIA H100-SXM5-80GB") than submission_platform's system ("DGX H100").
     */
    private void setting(long t, Source src, TrainerEvent.SettingKey key, String value, Consumer<TrainerEvent> out) {
        if (emitted.putIfAbsent(key, value) == null) {
            out.accept(new TrainerEvent.Setting(t, src, key, value));
        }
    }
}
