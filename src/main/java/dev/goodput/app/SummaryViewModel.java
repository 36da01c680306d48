package dev.goodput.app;

import dev.goodput.core.model.Problem;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.Goodputs;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the summary window shows, as read-only properties the view binds to. All text is formatted here so
 * the view only lays it out, and so it can be tested without a JavaFX toolkit. Call on the FX thread.
 */
public final class SummaryViewModel {
    /** Which of the window's panes is showing. */
    public enum State { EMPTY, LOADING, READY, FAILED }

    static final String APP_NAME = "Goodput Workbench";
    static final String EMPTY_MESSAGE = "Open a run log… (File ▸ Open…) to see its goodput.";

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_NAME);
    private final ReadOnlyStringWrapper runName = new ReadOnlyStringWrapper(this, "runName", "");
    private final ReadOnlyStringWrapper runDetails = new ReadOnlyStringWrapper(this, "runDetails", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", EMPTY_MESSAGE);
    // -1 is JavaFX's "indeterminate".
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final Map<GoodputMeasure, ReadOnlyStringWrapper> figures = new EnumMap<>(GoodputMeasure.class);
    private final ReadOnlyListWrapper<BadputRow> badput =
            new ReadOnlyListWrapper<>(this, "badput", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> warnings =
            new ReadOnlyListWrapper<>(this, "warnings", FXCollections.observableArrayList());

    public SummaryViewModel() {
        for (GoodputMeasure m : GoodputMeasure.values()) {
            figures.put(m, new ReadOnlyStringWrapper(this, m.name().toLowerCase(Locale.ROOT), Figures.NOT_AVAILABLE));
        }
    }

    /** Nothing open: invite the user to open a file. */
    public void showEmpty() {
        unbindLoading();
        clearReport();
        message.set(EMPTY_MESSAGE);
        state.set(State.EMPTY);
    }

    /** A load has started; progress and message follow the loading task until it ends. */
    public void beginLoading(ObservableValue<? extends Number> taskProgress, ObservableValue<String> taskMessage) {
        unbindLoading();
        progress.bind(taskProgress);
        message.bind(taskMessage);
        state.set(State.LOADING);
    }

    public void showReport(GoodputReport report) {
        unbindLoading();
        runName.set(report.runName());
        title.set(APP_NAME + " — " + report.runName());
        runDetails.set(details(report));
        Goodputs g = report.goodput();
        figures.forEach((measure, text) -> text.set(Figures.percent(measure.of(g))));
        badput.setAll(report.badput().stream().map(BadputRow::of).toList());
        warnings.setAll(report.warnings().stream().map(SummaryViewModel::problemLine).toList());
        message.set("");
        state.set(State.READY);
    }

    /** The load failed: say what could not be opened and why; the user can open another file. */
    public void showFailure(String what, Throwable error) {
        unbindLoading();
        clearReport();
        String why = error == null || error.getMessage() == null ? String.valueOf(error) : error.getMessage();
        message.set("Could not open " + what + ":\n" + why);
        state.set(State.FAILED);
    }

    private void unbindLoading() {
        progress.unbind();
        message.unbind();
        progress.set(-1);
    }

    private void clearReport() {
        runName.set("");
        runDetails.set("");
        title.set(APP_NAME);
        figures.values().forEach(f -> f.set(Figures.NOT_AVAILABLE));
        badput.clear();
        warnings.clear();
    }

    private static String details(GoodputReport r) {
        return String.format(Locale.ROOT, "%d accelerators  ·  window %s  (%s → %s)  ·  available %s  ·  "
                        + "productive %s", r.accelerators(), Figures.duration(r.windowSeconds()),
                iso(r.windowStartUs()), iso(r.windowEndUs()), Figures.duration(r.availableSeconds()),
                Figures.duration(r.productiveSeconds()));
    }

    private static String problemLine(Problem p) {
        return (p.severity() == Problem.Severity.ERROR ? "Error: " : "Warning: ") + p;
    }

    private static String iso(long micros) {
        // Whole seconds: the header is for orientation; exact bounds are in the exported reports.
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runNameProperty() {
        return runName.getReadOnlyProperty();
    }

    /** Accelerators, window and time totals, on one line. */
    public ReadOnlyStringProperty runDetailsProperty() {
        return runDetails.getReadOnlyProperty();
    }

    /** Empty-state invitation, loading stage, or failure explanation. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The measure as a percentage, or "n/a". */
    public ReadOnlyStringProperty figureProperty(GoodputMeasure measure) {
        return figures.get(measure).getReadOnlyProperty();
    }

    public ReadOnlyListProperty<BadputRow> badputProperty() {
        return badput.getReadOnlyProperty();
    }

    /** The report's problems, one line each with severity and {@code file:line}. */
    public ReadOnlyListProperty<String> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }
}
