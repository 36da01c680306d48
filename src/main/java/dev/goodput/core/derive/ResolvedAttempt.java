package dev.goodput.core.derive;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Source;

import java.util.List;

/**
 * A job attempt with every gap filled: a known end, the accelerators it used, and, when it ended unplanned, the
 * faults linked to its failure (docs/derivation.md, "Roots and cascades").
 *
 * @param hotSpares   accelerators held in reserve during the attempt (of allocated − in use)
 * @param root        the earliest fault in the failure's linking window, which gets the downtime; null when the
 *                    attempt did not fail or no fault lies in its window
 * @param cascades    the other faults in the window, in time order: listed under the root, costing nothing
 * @param detectionUs when the failure took the job: the root's time, or later the end of the job's progress when
 *                    steps went on after the root; the attempt's end when there is no root
 * @param endSource   the record that logged the end, or null (an end found from the activity)
 */
public record ResolvedAttempt(int index, long startUs, long endUs, EndReason endReason, int allocated, int inUse,
                              int hotSpares, boolean inferred, FaultEvent root, List<FaultEvent> cascades,
                              long detectionUs, Source source, Source endSource) {
    public ResolvedAttempt {
        cascades = List.copyOf(cascades);
    }

    /** The fault that ended the attempt: its failure's root (null when none). */
    public FaultEvent fatalFault() {
        return root;
    }

    /** An unplanned end: a fault, or an end nobody logged before the job came back. */
    public boolean disrupted() {
        return root != null || endReason.isDisruption();
    }

    /** A planned end (time limit, cancel, preemption, planned restart): a restart when an attempt follows. */
    public boolean planned() {
        return !disrupted() && endReason.isPlanned();
    }

    public long durationUs() {
        return endUs - startUs;
    }
}
