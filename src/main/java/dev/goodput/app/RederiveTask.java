package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.Window;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.profile.report.ProfiledModel;
import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.core.attribution.Overlay;
import javafx.concurrent.Task;

/**
 * Derives the run shown over another window and attributes it under the overlay, off the FX thread (a
 * million-step run takes most of a second).
 */
final class RederiveTask extends Task<AttributionSession.Prepared> {
    private final Derivation current;
    private final DerivationSettings base;
    private final Window window;
    private final ProfiledModel profiles;
    private final Overlay overlay;

    /** @param base the settings the run shown was derived with (a workspace's), whose window is replaced */
    RederiveTask(Derivation current, DerivationSettings base, Window window, ProfiledModel profiles,
                 Overlay overlay) {
        this.overlay = overlay;
        this.current = current;
        this.base = base;
        this.window = window;
        this.profiles = profiles;
    }

    /** The window it derives over. */
    Window window() {
        return window;
    }

    @Override
    protected AttributionSession.Prepared call() {
        AttributionSession.Prepared attributed = AttributionSession.Prepared.of(
                RunPipeline.derive(current.run(), base.withWindow(window), profiles), overlay);
        TimelineLanes.prepare(attributed.shown());
        return attributed;
    }
}
