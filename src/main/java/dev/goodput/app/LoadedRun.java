package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.workspace.OpenedWorkspace;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.profile.report.ProfiledModel;

/**
 * What a load produced: the imported derivation (no attributions applied), the profiles loaded beside the run
 * (null when none), and the workspace it belongs to (untitled for plain run files).
 */
record LoadedRun(AttributionSession.Prepared attributed, ProfiledModel profiles, OpenedWorkspace workspace) {
    /** The imported derivation, before attributions. */
    Derivation derivation() {
        return attributed.attribution().base();
    }
}
