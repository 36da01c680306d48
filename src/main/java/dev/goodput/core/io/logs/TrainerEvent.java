package dev.goodput.core.io.logs;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Source;

/**
 * What a recogniser found in a trainer log line. Times are epoch µs, {@link LogTime yearless} values, or
 * {@link dev.goodput.core.model.Times#UNKNOWN} when the line carries none (the {@link RunStitcher} then places
 * the event from its neighbours). {@code source} is the line, for the report's {@code file:line} and for
 * saying why an attempt or fault was found.
 */
public sealed interface TrainerEvent {
    long timeUs();

    Source source();

    /** Progress events come from one rank only (the first that logged one), so several ranks count once. */
    default boolean progress() {
        return false;
    }

    /** Whether {@code Steps.count} etc. are unknown. */
    int UNKNOWN_COUNT = 0;

    /**
     * One or more completed training steps, reported when the last of them ended.
     *
     * @param lastStep      number of the last step in the report (the trainer's iteration counter)
     * @param count         how many steps the report covers (a mean over N iterations), or {@link #UNKNOWN_COUNT}:
     *                      the steps since the previous report of the same attempt
     * @param stepUs        duration of one step (the mean when count &gt; 1), or -1 when not logged
     * @param batch         samples (sequences) per step, or -1
     * @param tokens        tokens per step, or -1 (the stitcher uses batch × sequence length when it knows both)
     * @param flopRate      model FLOP/s per accelerator the trainer reported, or NaN
     * @param mfu           the trainer's own MFU as a fraction, or NaN
     * @param skipped       steps in the report whose update was skipped (loss-scale overflow, NaN)
     */
    record Steps(long timeUs, Source source, long lastStep, int count, long stepUs, long batch, long tokens,
                 double flopRate, double mfu, int skipped) implements TrainerEvent {
        @Override
        public boolean progress() {
            return true;
        }
    }

    /** Where in an activity a line is. */
    enum Edge { START, END }

    /**
     * A checkpoint save: its start ("saving checkpoint at iteration N") or end ("successfully saved"). An END with
     * {@code durationUs} ≥ 0 says how long the save blocked (e.g. a logged save time) when no START was seen.
     */
    record CheckpointSave(long timeUs, Source source, long step, Edge edge, long durationUs) implements TrainerEvent {
        @Override
        public boolean progress() {
            return true;
        }
    }

    /** A checkpoint load (restore), its start or end; {@code step} is the iteration loaded, or -1. */
    record CheckpointLoad(long timeUs, Source source, long step, Edge edge, long durationUs) implements TrainerEvent {
        @Override
        public boolean progress() {
            return true;
        }
    }

    /** Evaluation (validation) start or end; an END may carry its duration. */
    record Evaluation(long timeUs, Source source, Edge edge, long durationUs) implements TrainerEvent {
        @Override
        public boolean progress() {
            return true;
        }
    }

    /**
     * The training program (or its launcher) starting: a new job attempt begins here when the log already had
     * activity before it. {@code what} names the banner ("torchrun: starting worker group").
     */
    record Launch(long timeUs, Source source, String what) implements TrainerEvent {
    }

    /**
     * A timed line that says what the program is doing ({@code [before the start of training step] datetime: ...},
     * "Loading checkpoint", "Starting training"): a time anchor for the untimed lines around it. {@code what} is
     * the line's own words.
     */
    record Marker(long timeUs, Source source, String what) implements TrainerEvent {
    }

    /**
     * A launcher restarting its workers inside the same job (torchelastic "will restart worker group"): the
     * current attempt ends in a fault, the next starts at the next activity.
     */
    record Restart(long timeUs, Source source, String message) implements TrainerEvent {
    }

    /**
     * A failure the log reports (an exception, a watchdog timeout, a child's exit). The first after the last step
     * of an attempt is its fatal fault; later ones are its cascade.
     *
     * @param cause  a catalogue cause id (e.g. {@code nccl_watchdog_timeouts}, {@code faulty_gpu};
     *               docs/fault-causes.md), {@code unattributed_downtime} when nothing says why
     * @param layer  the layer its lost time belongs to, or null (infra)
     * @param rank   the failing rank, or -1
     * @param node   the failing host, or null
     * @param rule   the classification rule that gave the cause ({@link dev.goodput.core.classify.FaultClassifier}),
     *               or null when none did
     */
    record Fault(long timeUs, Source source, String cause, String message, int rank, String node, Layer layer,
                 String rule) implements TrainerEvent {
        /** A fault whose cause no classification rule gave. */
        public Fault(long timeUs, Source source, String cause, String message, int rank, String node, Layer layer) {
            this(timeUs, source, cause, message, rank, node, layer, null);
        }

        /** A fault classified by {@code c}. */
        public Fault(long timeUs, Source source, dev.goodput.core.classify.FaultClassifier.Classification c,
                     String message, int rank, String node) {
            this(timeUs, source, c.cause(), message, rank, node, c.layer(), c.rule());
        }
    }

    /** The job ending as the log says: completed, preempted (saved and exiting), cancelled, failed. */
    record End(long timeUs, Source source, EndReason reason, String message) implements TrainerEvent {
    }

    /**
     * Timed lines were written from {@code timeUs} to {@code endUs} with no silence of
     * {@link TrainerLogReader#SILENCE_US} or more between them: when the job was visibly alive. Emitted by the
     * reader (not by recognisers) at each silence, before each launch or restart, and at the end of the file.
     */
    record Activity(long timeUs, Source source, long endUs, Source endSource) implements TrainerEvent {
    }

    /**
     * A scheduler's record of one job (an allocation) or one of its steps: a row of SLURM's {@code sacct}, a
     * Kubernetes pod's run of its training container. Not progress: a scheduler record neither makes nor joins a
     * trainer's attempt by itself; the stitcher matches jobs and attempts by time (docs/derivation.md, "Scheduler
     * records"). {@code timeUs} is the start, else the submission.
     *
     * @param jobId        the job's id ("1001", "1001_3" for an array element, a pod's name)
     * @param stepId       the step's id ("batch", "extern", "0"), or null for the job itself
     * @param name         the job's name, or null
     * @param submitUs     when it was submitted (a pod created), or {@link dev.goodput.core.model.Times#UNKNOWN}
     * @param startUs      when it started (allocated, a pod scheduled), or UNKNOWN when it never started
     * @param endUs        when it ended, or UNKNOWN while it runs (or when never started)
     * @param state        its state at the end (or now)
     * @param reason       what the scheduler says beside the state ("by 1234" of a cancel, a pod's reason), or null
     * @param nodes        the nodes it held, expanded ("node[01-02]" → node01, node02); empty when not given
     * @param exitCode     exit code as written ("1:0", "137"), or null
     * @param accelerators accelerators allocated (sacct's AllocTRES gres/gpu, a pod's nvidia.com/gpu), or 0
     */
    record SchedulerJob(long timeUs, Source source, String jobId, String stepId, String name, long submitUs,
                        long startUs, long endUs, SchedulerState state, String reason, java.util.List<String> nodes,
                        String exitCode, int accelerators) implements TrainerEvent {
        public SchedulerJob {
            nodes = java.util.List.copyOf(nodes);
        }

        public boolean isStep() {
            return stepId != null;
        }
    }

    /** A fact about the run from its banner or arguments; the value is kept as written. */
    record Setting(long timeUs, Source source, SettingKey key, String value) implements TrainerEvent {
    }

    /** The facts about a run that logs state in their argument dumps and banners. */
    enum SettingKey {
        /** Accelerators the job trains on (Megatron's world_size, torchrun's nproc × nnodes, NeMo's MEMBER x/N). */
        WORLD_SIZE,
        /** The accelerator's name as the log writes it ("NVIDIA H100 80GB HBM3", "TPU v5p"). */
        ACCELERATOR,
        SEQ_LENGTH,
        GLOBAL_BATCH,
        /** Iterations per iteration-line report (Megatron's log_interval): the count of a mean. */
        LOG_INTERVAL,
        /** Model parameters (a count; "1.5B"-style suffixes are read too). */
        PARAMETERS,
        /** Training precision ("bf16", "fp8"). */
        PRECISION,
        /** "true" when activations are recomputed, so a trainer's FLOP figure may count the recomputation. */
        RECOMPUTE,
        /** The peak FLOP/s per accelerator the trainer's own MFU is relative to. */
        PEAK_FLOPS,
        RUN_NAME,
        /** "true" when the trainer's FLOP/s figure counts recomputation (hardware FLOPs). */
        HARDWARE_FLOPS,
        /** The name of the trainer's FLOP/s or MFU figure, for the report. */
        FLOP_FIGURE
    }
}
