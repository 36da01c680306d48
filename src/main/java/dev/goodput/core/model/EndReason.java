package dev.goodput.core.model;

import java.util.Locale;

/**
 * Why a job attempt ended. FAULT and UNKNOWN (and, until the planned-end rule of docs/derivation.md lands in the
 * derivation, PREEMPTED) are unplanned disruptions; TIME_LIMIT, CANCELLED (by a user) and RESTART (a planned
 * restart) are planned ends.
 */
public enum EndReason {
    COMPLETED, FAULT, PREEMPTED, CANCELLED, TIME_LIMIT, RESTART, UNKNOWN;

    /** A planned end: the job was stopped on purpose (or by policy) and the next job continues the run. */
    public boolean isPlanned() {
        return this == TIME_LIMIT || this == CANCELLED || this == RESTART || this == PREEMPTED;
    }

    public boolean isDisruption() {
        return this == FAULT || this == PREEMPTED || this == UNKNOWN;
    }

    public static EndReason parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "completed", "complete", "done", "success", "finished", "normal" -> COMPLETED;
            case "fault", "failed", "failure", "crash", "crashed", "error", "hang", "timeout" -> FAULT;
            case "preempted", "preemption", "evicted" -> PREEMPTED;
            case "cancelled", "canceled", "stopped", "killed_by_user", "user_cancel" -> CANCELLED;
            case "time_limit", "timelimit", "walltime", "deadline" -> TIME_LIMIT;
            case "restart", "planned_restart", "planned" -> RESTART;
            default -> UNKNOWN;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
