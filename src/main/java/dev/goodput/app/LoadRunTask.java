package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Run;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Reads the files as one run and derives it, off the FX thread. The whole {@link Derivation} is the result (not
 * just its report) so that views such as the timeline can draw the partition of the window.
 */
final class LoadRunTask extends Task<Derivation> {
    static final String READING = "Reading…";
    static final String DERIVING = "Deriving goodput…";

    private final List<Path> files;
    private final RunSource source;

    LoadRunTask(List<Path> files, RunSource source) {
        this.files = List.copyOf(files);
        this.source = source;
    }

    @Override
    protected Derivation call() throws Exception {
        // The readers report no progress of their own, so the bar stays indeterminate; the message names the stage.
        updateMessage(READING);
        Run run = source.read(files);
        // The readers cannot be stopped mid-file (they do not check for interrupts), so a cancelled load reads on in
        // the background; at least spare it the derivation, which costs about as much again. Its outcome is ignored.
        if (isCancelled()) {
            throw new CancellationException();
        }
        updateMessage(DERIVING);
        return GoodputDeriver.derive(run, DerivationSettings.defaults());
    }
}
