package dev.goodput.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/** Starts a {@link LoadRunTask} and moves its outcome into the view model; the latest open wins. */
final class RunOpener {
    private final SummaryViewModel model;
    private final Executor executor;
    private LoadRunTask current;

    RunOpener(SummaryViewModel model, Executor executor) {
        this.model = model;
        this.executor = executor;
    }

    /** Call on the FX thread. An empty list shows the empty state. */
    void open(List<Path> files) {
        if (current != null) {
            current.cancel();
            current = null;
        }
        if (files.isEmpty()) {
            model.showEmpty();
            return;
        }
        LoadRunTask task = new LoadRunTask(files);
        current = task;
        model.beginLoading(task.progressProperty(), task.messageProperty());
        // Handlers run on the FX thread; the identity check drops results of a load that was superseded.
        task.setOnSucceeded(e -> {
            if (current == task) {
                model.showReport(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                model.showFailure(LoadRunTask.describe(files), task.getException());
            }
        });
        executor.execute(task);
    }
}
