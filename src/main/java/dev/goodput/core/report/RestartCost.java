package dev.goodput.core.report;

import java.util.List;

/**
 * What one restart cost (docs/derivation.md, "What a fault cost"): a disruption, or a planned end followed by
 * another attempt. Seconds are wall-clock; queue, init and restore are null when no attempt followed.
 *
 * @param timeUs           when the failure took the job (the detection time), else the attempt's end
 * @param attemptEndUs     the end of the attempt that failed or was stopped
 * @param endReason        how that attempt ended ({@code fault}, {@code time_limit}, ...)
 * @param planned          a planned end (time limit, cancel, preemption, planned restart), not a disruption
 * @param rootCause        the cause its cost is charged to: the root fault's, the planned end's, else
 *                         {@code unattributed_downtime} (a failure with no fault in its window)
 * @param cascades         the other faults linked to the failure, in time order
 * @param source           the root fault's record, else the record that ended the attempt
 * @param rule             the classification rule that gave the root its cause, when known
 * @param detectionSeconds from the end of the attempt's last step execution (or, with no step, the detection
 *                         time) to the attempt's end: what the failure cost inside the attempt
 * @param queueSeconds     attempt end → next start, less what the partition leaves unattributed there (a wait
 *                         nobody explained is not this restart's, unless its own cause is unattributed)
 * @param initSeconds      next start → its first step, less restore (provisioning and startup)
 * @param restoreSeconds   the next attempt's checkpoint restore before its first step
 * @param rollbackSeconds  the attempt's step executions that were rolled back (wasted progress)
 */
public record RestartCost(long timeUs, long attemptEndUs, String endReason, boolean planned, String rootCause,
                          List<LinkedFault> cascades, String source, String rule, double detectionSeconds,
                          Double queueSeconds, Double initSeconds, Double restoreSeconds, double rollbackSeconds) {
    public RestartCost {
        cascades = List.copyOf(cascades);
    }

    /** Downtime, restart and rolled-back progress together. */
    public double totalSeconds() {
        return detectionSeconds + orZero(queueSeconds) + orZero(initSeconds) + orZero(restoreSeconds)
                + rollbackSeconds;
    }

    /** A split that did not happen (no attempt followed) counts as nothing. */
    static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}
