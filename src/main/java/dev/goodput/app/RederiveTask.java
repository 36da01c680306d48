package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;
import javafx.concurrent.Task;

/** Derives the run shown over another window, off the FX thread (a million-step run takes most of a second). */
final class RederiveTask extends Task<Derivation> {
    private final Derivation current;
    private final Window window;

    RederiveTask(Derivation current, Window window) {
        this.current = current;
        this.window = window;
    }

    @Override
    protected Derivation call() {
        updateMessage("Deriving goodput…");
        return GoodputDeriver.derive(current.run(), DerivationSettings.defaults().withWindow(window));
    }
}
