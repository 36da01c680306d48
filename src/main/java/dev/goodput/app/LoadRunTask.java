package dev.goodput.app;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.GoodputReport;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads the files as one run and derives its report, off the FX thread. Leniently: a bad record becomes a
 * warning in the problems panel rather than a failed open.
 */
final class LoadRunTask extends Task<GoodputReport> {
    private final List<Path> files;

    LoadRunTask(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    protected GoodputReport call() throws Exception {
        // The reader reports no progress of its own, so the progress stays indeterminate; the message says which stage.
        updateMessage("Reading " + describe(files) + "…");
        Run run = new RunLoader(LoadMode.LENIENT).load(files);
        if (isCancelled()) {
            return null;
        }
        updateMessage("Deriving goodput…");
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    static String describe(List<Path> files) {
        return files.size() == 1 ? String.valueOf(files.get(0).getFileName()) : files.size() + " files";
    }
}
