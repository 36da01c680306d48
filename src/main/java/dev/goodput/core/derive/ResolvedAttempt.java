package dev.goodput.core.derive;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Source;

/**
 * A job attempt with every gap filled: a known end, the accelerators it used, and the fault that ended
 * it (null when none was logged).
 */
public record ResolvedAttempt(int index, long startUs, long endUs, EndReason endReason, int allocated, int inUse,
                              boolean inferred, FaultEvent fatalFault, Source source) {
    /** An unplanned end: a fault, a preemption, or an end nobody logged before the job came back. */
    public boolean disrupted() {
        return fatalFault != null || endReason.isDisruption();
    }

    public long durationUs() {
        return endUs - startUs;
    }
}
