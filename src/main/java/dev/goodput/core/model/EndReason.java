package dev.goodput.core.model;

import java.util.Locale;

/**
 * Why a job attempt ended. FAULT and UNKNOWN (an end nobody logged, before the job came back) are unplanned:
 * disruptions. TIME_LIMIT, CANCELLED (by a user), PREEMPTED and RESTART (a planned restart) are planned ends: when
 * another attempt follows, a restart with its own cause, not a failure, and not counted in MTBF
 * (docs/derivation.md, "Attempts and restarts" rule 5).
 */
public enum EndReason {
    COMPLETED, FAULT, PREEMPTED, CANCELLED, TIME_LIMIT, RESTART, UNKNOWN;

    /** A planned end: the job was stopped on purpose (or by policy) and the next job continues the run. */
    public boolean isPlanned() {
        return this == TIME_LIMIT || this == CANCELLED || this == RESTART || this == PREEMPTED;
    }

    /** An unplanned end: the job failed (or stopped without saying why) and had to be brought back. */
    public boolean isDisruption() {
        return this == FAULT || this == UNKNOWN;
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
