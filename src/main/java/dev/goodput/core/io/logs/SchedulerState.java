package dev.goodput.core.io.logs;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.EndReason;

import java.util.Locale;

/**
 * The state a scheduler gives a job (or a job's step) when it ended, or that it is still in. SLURM's states are
 * the names {@code sacct} prints; Kubernetes readers map a pod's container end onto them (an {@code OOMKilled}
 * container is {@link #OUT_OF_MEMORY}, an evicted pod {@link #NODE_FAIL} or {@link #PREEMPTED}). docs/derivation.md
 * ("Scheduler records") says what each means for the run.
 */
public enum SchedulerState {
    COMPLETED, FAILED, NODE_FAIL, PREEMPTED, TIMEOUT, CANCELLED, REQUEUED, OUT_OF_MEMORY, BOOT_FAIL, DEADLINE,
    RESIZING, RUNNING, PENDING, SUSPENDED;

    /**
     * The state sacct prints: "CANCELLED by 1234" and "CANCELLED+" read as CANCELLED, "OUT_OF_ME+" (a cut column)
     * as OUT_OF_MEMORY. Null when the text is no state.
     */
    public static SchedulerState parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        int space = t.indexOf(' ');
        if (space > 0) {
            t = t.substring(0, space);
        }
        boolean cut = t.endsWith("+");
        if (cut) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            return null;
        }
        for (SchedulerState s : values()) {
            if (s.name().equals(t) || cut && s.name().startsWith(t)) {
                return s;
            }
        }
        return switch (t) {
            case "CA" -> CANCELLED;
            case "CD" -> COMPLETED;
            case "F" -> FAILED;
            case "NF" -> NODE_FAIL;
            case "PR" -> PREEMPTED;
            case "TO" -> TIMEOUT;
            case "OOM" -> OUT_OF_MEMORY;
            case "BF" -> BOOT_FAIL;
            case "DL" -> DEADLINE;
            case "RQ" -> REQUEUED;
            case "RS" -> RESIZING;
            case "R" -> RUNNING;
            case "PD" -> PENDING;
            case "S" -> SUSPENDED;
            default -> null;
        };
    }

    /** Whether the job is over in this state (RUNNING, PENDING, SUSPENDED and RESIZING end nothing). */
    public boolean ended() {
        return this != RUNNING && this != PENDING && this != SUSPENDED && this != RESIZING;
    }

    /** How an attempt that ended in this state ended. */
    public EndReason endReason() {
        return switch (this) {
            case COMPLETED -> EndReason.COMPLETED;
            case TIMEOUT, DEADLINE -> EndReason.TIME_LIMIT;
            case CANCELLED -> EndReason.CANCELLED;
            case PREEMPTED -> EndReason.PREEMPTED;
            case FAILED, NODE_FAIL, OUT_OF_MEMORY, BOOT_FAIL, REQUEUED -> EndReason.FAULT;
            case RESIZING, RUNNING, PENDING, SUSPENDED -> EndReason.UNKNOWN;
        };
    }

    /**
     * The cause of a fault this state is by itself (a node failure, an out-of-memory kill), or null when the state
     * says only that the job failed ({@code FAILED}, {@code REQUEUED}: the root fault in the logs says why) or is
     * no failure.
     */
    public String faultCause() {
        return switch (this) {
            case NODE_FAIL, BOOT_FAIL -> CauseCatalog.NODE_FAILURE.id();
            case OUT_OF_MEMORY -> CauseCatalog.HOST_OOM.id();
            default -> null;
        };
    }
}
