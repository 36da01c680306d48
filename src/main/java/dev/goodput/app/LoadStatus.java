package dev.goodput.app;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.util.Locale;

/**
 * The load in progress (what is read, the stage, the progress) and how the last one ended, for the load bar and the
 * status bar. Kept apart from {@link SummaryViewModel} because a load runs beside the run still shown: the summary
 * changes only when a load succeeds or fails, never when it starts or is cancelled. Call on the FX thread.
 */
public final class LoadStatus {
    static final String CANCELLED = "Load cancelled";

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper(this, "stage", "");
    // -1 is JavaFX's "indeterminate".
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");

    /** A load of {@code what} has started; stage and progress follow the task's until it ends. */
    public void begin(String what, ObservableValue<? extends Number> taskProgress, ObservableValue<String> taskStage) {
        unbind();
        fileName.set(what);
        progress.bind(taskProgress);
        stage.bind(taskStage);
        outcome.set("");
        loading.set(true);
    }

    public void succeeded(String what, Duration took) {
        end(String.format(Locale.ROOT, "Opened %s in %.2f s", what, took.toNanos() / 1e9));
    }

    public void failed(String what) {
        end("Could not open " + what);
    }

    /** Reading the run shown again failed (it stays as it was). */
    public void reloadFailed(String what) {
        end("Could not reload " + what);
    }

    /** The user cancelled: the run shown before stays, and the status bar says so. */
    public void cancelled() {
        end(CANCELLED);
    }

    /** A message in the status bar that is not about a load (e.g. an export's outcome); none while loading. */
    public void note(String message) {
        if (!loading.get()) {
            outcome.set(message);
        }
    }

    private void end(String message) {
        unbind();
        loading.set(false);
        fileName.set("");
        stage.set("");
        outcome.set(message);
    }

    private void unbind() {
        progress.unbind();
        stage.unbind();
        progress.set(-1);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** The names of the files being read. */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** The stage: "Reading…", "Deriving goodput…". */
    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** In [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How the last load ended: "Opened run.jsonl in 0.21 s", "Load cancelled", "Could not open x.jsonl"; "" while loading. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
