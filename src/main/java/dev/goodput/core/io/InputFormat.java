package dev.goodput.core.io;

/** The kinds of input file the loader tells apart by content. */
public enum InputFormat {
    /** Canonical run log, JSON Lines (docs/run-log-format.md). */
    RUN_LOG_JSONL,
    /** Canonical run log, CSV. */
    RUN_LOG_CSV,
    /** Google ml-goodput-measurement entries: JSON array, JSON Lines, or {"entries": [...]}. */
    ML_GOODPUT,
    /** Hugging Face Trainer's trainer_state.json (log_history, no wall-clock times). */
    HF_TRAINER_STATE,
    /**
     * kubectl's JSON of a job's Pods or Events ({@code kubectl get pods -o json}, {@code kubectl get events -o json}):
     * scheduler records of each container run, and what happened to the pods and their nodes.
     */
    KUBERNETES,
    /** A trainer's text log (Megatron, NeMo, torchtitan, ...): read line by line by the format recognisers. */
    TRAINER_LOG
}
