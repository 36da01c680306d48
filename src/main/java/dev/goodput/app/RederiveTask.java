package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;
import dev.goodput.core.profile.report.ProfiledModel;
import dev.goodput.chart.timeline.TimelineLanes;
import javafx.concurrent.Task;

/** Derives the run shown over another window, off the FX thread (a million-step run takes most of a second). */
final class RederiveTask extends Task<Derivation> {
    private final Derivation current;
    private final Window window;
    private final ProfiledModel profiles;

    RederiveTask(Derivation current, Window window, ProfiledModel profiles) {
        this.current = current;
        this.window = window;
        this.profiles = profiles;
    }

    @Override
    protected Derivation call() {
        updateMessage("Deriving goodput…");
        DerivationSettings settings = DerivationSettings.defaults().withWindow(window);
        if (profiles != null && profiles.model() != null) {
            settings = settings.withMeasuredModel(profiles.model());
        }
        Derivation derived = GoodputDeriver.derive(current.run(), settings);
        TimelineLanes.prepare(derived);
        return derived;
    }
}
