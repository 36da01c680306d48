package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.workspace.OpenedWorkspace;
import dev.goodput.core.profile.report.ProfiledModel;

/**
 * What a load produced: the derivation attributed under the workspace's overlay (with the imported one as its
 * base), the profiles loaded beside the run (null when none), and the workspace it belongs to (untitled for plain
 * run files).
 */
record LoadedRun(AttributionSession.Prepared attributed, ProfiledModel profiles, OpenedWorkspace workspace) {
}
