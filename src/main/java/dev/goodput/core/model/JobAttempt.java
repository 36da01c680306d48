package dev.goodput.core.model;

import java.util.List;

/**
 * One launch of the training job, from its start to its end.
 *
 * @param endUs      end time, or {@link Times#UNKNOWN} when the log has no end for it
 * @param allocated  accelerators paid for during the attempt (0: the run's count)
 * @param inUse      accelerators doing the training (0: all allocated)
 * @param inferred   true when the attempt was not logged but deduced (e.g. from a repeated step number)
 * @param why        how its start was found when a trainer log was read ("start banner: ...", "iteration 120
 *                   repeats iteration 150"), for the window's hover; null for logged job starts
 * @param hotSpares  of the allocated accelerators not in use, how many are held in reserve to replace a failing
 *                   one (infra cause {@code hot_spares}); the rest are idle
 * @param endSource  the record that logged the end, or null when none did
 * @param nodes      the hosts the attempt held (a scheduler job's node list), empty when not known: a fault on
 *                   another host is not this attempt's (docs/derivation.md, "Roots and cascades")
 */
public record JobAttempt(long startUs, long endUs, EndReason endReason, int allocated, int inUse,
                         boolean inferred, Source source, String why, int hotSpares, Source endSource,
                         List<String> nodes) {

    public JobAttempt {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    public JobAttempt(long startUs, long endUs, EndReason endReason, int allocated, int inUse, boolean inferred,
                      Source source, String why, int hotSpares, Source endSource) {
        this(startUs, endUs, endReason, allocated, inUse, inferred, source, why, hotSpares, endSource, List.of());
    }

    public JobAttempt(long startUs, long endUs, EndReason endReason, int allocated, int inUse, boolean inferred,
                      Source source, String why) {
        this(startUs, endUs, endReason, allocated, inUse, inferred, source, why, 0, null);
    }

    public JobAttempt(long startUs, long endUs, EndReason endReason, int allocated, int inUse, boolean inferred,
                      Source source) {
        this(startUs, endUs, endReason, allocated, inUse, inferred, source, null);
    }

    public boolean hasEnd() {
        return Times.known(endUs);
    }

    /** The same attempt with another end; the record that logged the old end no longer says when it ended. */
    public JobAttempt withEnd(long newEndUs, EndReason reason) {
        Source ended = newEndUs == endUs ? endSource : null;
        return new JobAttempt(startUs, newEndUs, reason, allocated, inUse, inferred, source, why, hotSpares, ended,
                nodes);
    }
}
