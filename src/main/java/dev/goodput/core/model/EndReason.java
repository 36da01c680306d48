package dev.goodput.core.model;

import java.util.Locale;

/** Why a job attempt ended. Everything but COMPLETED and CANCELLED is an unplanned disruption. */
public enum EndReason {
    COMPLETED, FAULT, PREEMPTED, CANCELLED, UNKNOWN;

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
            case "cancelled", "canceled", "stopped", "killed_by_user" -> CANCELLED;
            default -> UNKNOWN;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
