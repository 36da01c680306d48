package dev.goodput.app.attribution;

import dev.goodput.core.model.Cause;
import dev.goodput.core.report.HumanFormat;

/**
 * One cause offered in a cause field's list.
 *
 * @param cause   the cause
 * @param inRun   whether the run already uses it (imported, derived, tagged or named by a rule)
 * @param seconds the time it carries in the run (window-equivalent seconds; 0 when not in the run)
 */
public record CauseSuggestion(Cause cause, boolean inRun, double seconds) {

    /** What the list shows beside the label: the layer, and for a cause of the run the time it carries. */
    public String detail() {
        String layer = LayerNames.name(cause.layer());
        if (!inRun) {
            return layer;
        }
        return seconds > 0 ? layer + " · " + HumanFormat.duration(seconds) + " in this run" : layer + " · in this run";
    }
}
