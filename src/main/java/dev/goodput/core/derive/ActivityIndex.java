package dev.goodput.core.derive;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.util.List;

/**
 * Range queries over a run's time-sorted facts by binary search, so resolving thousands of attempts
 * against hundreds of thousands of steps, phases and checkpoints stays O(n log n), not O(n²).
 */
final class ActivityIndex {
    private final StepTable steps;
    private final List<Phase> phases;
    private final long[] phaseStarts;
    private final List<Checkpoint> checkpoints;
    private final long[] checkpointTimes;
    private final long[] faultTimes;

    ActivityIndex(Run run) {
        steps = run.steps();
        phases = run.phases();
        phaseStarts = phases.stream().mapToLong(Phase::startUs).toArray();
        checkpoints = run.checkpoints();
        checkpointTimes = checkpoints.stream().mapToLong(Checkpoint::timeUs).toArray();
        faultTimes = run.faults().stream().mapToLong(FaultEvent::timeUs).toArray();
    }

    List<Phase> phases() {
        return phases;
    }

    /** First index whose value is ≥ t. */
    static int lowerBound(long[] sorted, long t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int phaseFrom(long t) {
        return lowerBound(phaseStarts, t);
    }

    /** Latest time reached by a step, phase or checkpoint that began in [from, to), capped at {@code to}. */
    long lastActivity(long from, long to) {
        long last = from;
        for (int i = steps.firstStartingAtOrAfter(from); i < steps.size() && steps.startUs(i) < to; i++) {
            last = Math.max(last, Math.min(to, Math.max(steps.startUs(i), steps.endUs(i))));
        }
        for (int i = phaseFrom(from); i < phases.size() && phaseStarts[i] < to; i++) {
            last = Math.max(last, Math.min(to, phases.get(i).endUs()));
        }
        for (int i = lowerBound(checkpointTimes, from); i < checkpoints.size() && checkpointTimes[i] < to; i++) {
            Checkpoint c = checkpoints.get(i);
            last = Math.max(last, Math.min(to, c.timeUs() + c.blockingUs()));
        }
        return last;
    }

    /** Earliest start of any step, phase or checkpoint, or {@link Times#UNKNOWN}. */
    long firstActivity() {
        long t = Long.MAX_VALUE;
        if (steps.size() > 0) {
            t = steps.startUs(0);
        }
        if (phaseStarts.length > 0) {
            t = Math.min(t, phaseStarts[0]);
        }
        if (checkpointTimes.length > 0) {
            t = Math.min(t, checkpointTimes[0]);
        }
        return t == Long.MAX_VALUE ? Times.UNKNOWN : t;
    }

    /** Latest time any step, phase or checkpoint reaches, or {@link Times#UNKNOWN}. */
    long lastActivity() {
        long first = firstActivity();
        return first == Times.UNKNOWN ? Times.UNKNOWN : lastActivity(first, Long.MAX_VALUE);
    }

    /** The time of the last fault in (from, to), or {@code from} when there is none. */
    long lastFaultTime(long from, long to) {
        int i = lowerBound(faultTimes, to) - 1;
        return i >= 0 && faultTimes[i] > from ? faultTimes[i] : from;
    }
}
