package dev.goodput.core.derive;

/**
 * Precedence when input facts overlap: a later constant beats an earlier one, so every instant of the
 * window gets exactly one state. Documented in docs/derivation.md.
 */
enum ClaimRank {
    /** The whole window: time nothing else explains. */
    WINDOW_BASE,
    /** Between attempts: the fault that ended the previous attempt, a preemption, or unattributed. */
    GAP,
    /** Logged queue / scheduler / maintenance downtime (only where no attempt runs). */
    DOWNTIME,
    /** Inside an attempt: untracked time between steps. */
    ATTEMPT_BASE,
    /** Inside an attempt: before its first step (startup) and after its last (shutdown or crash). */
    ATTEMPT_EDGE,
    /** A step execution: productive when kept, wasted progress when rolled back. */
    STEP,
    CUSTOM_PHASE,
    DATA_LOADING,
    EVALUATION,
    CHECKPOINT_SAVE,
    PROGRAM_STARTUP,
    TRAINING_PREP,
    CHECKPOINT_RESTORE,
    PROVISIONING,
    /** From a fatal fault to the end of its attempt: detection and teardown. */
    POST_FAULT
}
