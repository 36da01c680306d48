package dev.goodput.app;

import dev.goodput.core.report.GoodputTerm;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.profile.report.ProfiledModel;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.MfuDetails;
import dev.goodput.core.report.HumanFormat;
import dev.goodput.core.report.Goodputs;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run the window shows, as read-only properties the views bind to: the {@link Derivation} itself (for views
 * that draw the partition, such as the timeline) and, formatted here so views only lay text out and so it can be
 * tested without a JavaFX toolkit, the figures, badput rows, problems and status-bar texts. Call on the FX thread.
 */
public final class SummaryViewModel {
    /** What the window shows: nothing yet, a run, or the problems of files that could not be read at all. */
    public enum State { EMPTY, READY, FAILED }

    static final String APP_NAME = "Goodput Workbench";

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyObjectWrapper<Derivation> derivation = new ReadOnlyObjectWrapper<>(this, "derivation");
    private final ReadOnlyObjectWrapper<ProfiledModel> profiles = new ReadOnlyObjectWrapper<>(this, "profiles");
    private final ReadOnlyListWrapper<Path> files =
            new ReadOnlyListWrapper<>(this, "files", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_NAME);
    private final ReadOnlyStringWrapper runName = new ReadOnlyStringWrapper(this, "runName", "");
    private final ReadOnlyStringWrapper runDetails = new ReadOnlyStringWrapper(this, "runDetails", "");
    private final ReadOnlyStringWrapper filesText = new ReadOnlyStringWrapper(this, "filesText", "");
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper(this, "windowText", "");
    private final ReadOnlyStringWrapper problemCount = new ReadOnlyStringWrapper(this, "problemCount", "");
    private final Map<GoodputTerm, ReadOnlyStringWrapper> figures = new EnumMap<>(GoodputTerm.class);
    private final Map<GoodputTerm, ReadOnlyStringWrapper> formulas = new EnumMap<>(GoodputTerm.class);
    private final ReadOnlyListWrapper<BadputRow> badput =
            new ReadOnlyListWrapper<>(this, "badput", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> problems =
            new ReadOnlyListWrapper<>(this, "problems", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper partial = new ReadOnlyStringWrapper(this, "partial", "");
    private final ReadOnlyStringWrapper partialDetail = new ReadOnlyStringWrapper(this, "partialDetail", "");
    /** Inputs the workspace shown names that were not there to read; kept for edits and new windows. */
    private List<Path> missing = List.of();
    /** What applying the attributions said, shown with the problems; kept across edits until said anew. */
    private List<String> attributionWarnings = List.of();
    private static final Source ATTRIBUTIONS = new Source("attribution rules", 0);

    public SummaryViewModel() {
        for (GoodputTerm m : GoodputTerm.values()) {
            figures.put(m, new ReadOnlyStringWrapper(this, m.name().toLowerCase(Locale.ROOT), Figures.NOT_AVAILABLE));
            formulas.put(m, new ReadOnlyStringWrapper(this, m.name().toLowerCase(Locale.ROOT) + "Formula",
                    m.formula()));
        }
    }

    /** Nothing open. */
    public void showEmpty() {
        clear(List.of());
        state.set(State.EMPTY);
    }

    /** A run read from the files, with whatever problems its reading met (a partial read is still a run). */
    public void showRun(List<Path> runFiles, Derivation d) {
        showRun(runFiles, d, null);
    }

    /** A run and the profiles loaded beside it (null: none), which gave its model layer. */
    public void showRun(List<Path> runFiles, Derivation d, ProfiledModel runProfiles) {
        showRun(runFiles, List.of(), d, runProfiles);
    }

    /**
     * A run, with the inputs its workspace names that were missing (so not read) and the profiles loaded beside it
     * (null: none).
     */
    public void showRun(List<Path> runFiles, List<Path> missingInputs, Derivation d, ProfiledModel runProfiles) {
        showRun(runFiles, missingInputs, d, runProfiles, List.of());
    }

    /**
     * As above, with what applying the attributions said (a rule whose pattern was disabled as too slow), listed
     * with the run's problems: the user must see that a rule did not run.
     */
    public void showRun(List<Path> runFiles, List<Path> missingInputs, Derivation d, ProfiledModel runProfiles,
                        List<String> attributionWarnings) {
        profiles.set(runProfiles);
        this.attributionWarnings = List.copyOf(attributionWarnings);
        missing = List.copyOf(missingInputs);
        GoodputReport report = d.report();
        setIfChanged(files, runFiles);
        runName.set(report.runName());
        title.set(APP_NAME + " — " + report.runName());
        runDetails.set(details(report));
        filesText.set(FileNames.of(runFiles));
        windowText.set(window(report));
        Goodputs g = report.goodput();
        figures.forEach((measure, text) -> text.set(Figures.percent(measure.of(g))));
        formulas.forEach((measure, text) -> text.set(formula(measure, report, runProfiles)));
        badput.setAll(report.badput().stream().map(BadputRow::of).toList());
        // An edit keeps the files and the problems: leave those lists (and their views' scroll) be.
        List<Problem> all = new ArrayList<>(report.warnings());
        this.attributionWarnings.forEach(w -> all.add(Problem.warning(ATTRIBUTIONS, w)));
        setIfChanged(problems, all.stream().map(SummaryViewModel::problemLine).toList());
        problemCount.set(problemCount(all));
        PartialLoad left = PartialLoad.of(report.warnings(), missing);
        partial.set(left.badge());
        partialDetail.set(left.detail());
        // Last, so a listener of the derivation sees the rest of the model already updated.
        derivation.set(d);
        state.set(State.READY);
    }

    /** The run shown, re-derived after an attribution edit or a new window: same files, same profiles. */
    public void showEdited(Derivation d) {
        showEdited(d, attributionWarnings);
    }

    /** As {@link #showEdited(Derivation)}, with what applying the attributions said this time. */
    public void showEdited(Derivation d, List<String> attributionWarnings) {
        showRun(List.copyOf(files), missing, d, profiles.get(), attributionWarnings);
    }

    /**
     * Nothing could be read from the files, and no run was shown: the reasons fill the Problems panel, so the user
     * sees which file and line to fix. (The lenient readers keep what they can, so this means that no file was
     * readable at all. The opener keeps a run that is shown, and says why in a notice instead.)
     */
    public void showFailure(List<Path> runFiles, Throwable error) {
        clear(runFiles);
        String what = FileNames.of(runFiles);
        runName.set("Could not open " + what);
        runDetails.set("Nothing could be read; the Problems panel says why.");
        filesText.set(what);
        problems.setAll(failureLine(error));
        problemCount.set("1 error");
        state.set(State.FAILED);
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    private void clear(List<Path> runFiles) {
        derivation.set(null);
        profiles.set(null);
        files.setAll(runFiles);
        runName.set("");
        runDetails.set("");
        title.set(APP_NAME);
        filesText.set("");
        windowText.set("");
        problemCount.set("");
        figures.values().forEach(f -> f.set(Figures.NOT_AVAILABLE));
        formulas.forEach((measure, text) -> text.set(measure.formula()));
        badput.clear();
        problems.clear();
        missing = List.of();
        attributionWarnings = List.of();
        partial.set("");
        partialDetail.set("");
    }

    private static String details(GoodputReport r) {
        StringBuilder lost = new StringBuilder();
        for (var layer : r.layers()) {
            lost.append(lost.length() == 0 ? "  ·  lost: " : ", ").append(layer.layer().id()).append(' ')
                    .append(Figures.duration(layer.seconds()));
        }
        return String.format(Locale.ROOT, "%d accelerators  ·  window %s  ·  available %s  ·  productive %s%s",
                r.accelerators(), Figures.duration(r.windowSeconds()), Figures.duration(r.availableSeconds()),
                Figures.duration(r.productiveSeconds()), lost);
    }

    /** "2025-03-03 09:00:00 → 09:36:33 UTC (36.6 min)"; the end's date is written only when it differs. */
    static String window(GoodputReport r) {
        return HumanFormat.window(r.windowStartUs(), r.windowEndUs());
    }

    /** "No problems", "1 warning", "2 errors, 3 warnings". */
    static String problemCount(List<Problem> list) {
        long errors = list.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = list.size() - errors;
        if (errors == 0 && warnings == 0) {
            return "No problems";
        }
        String w = warnings == 0 ? "" : plural(warnings, "warning");
        String e = errors == 0 ? "" : plural(errors, "error");
        return e.isEmpty() ? w : w.isEmpty() ? e : e + ", " + w;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String problemLine(Problem p) {
        return (p.severity() == Problem.Severity.ERROR ? "Error: " : "Warning: ") + p;
    }

    private static String failureLine(Throwable error) {
        return "Error: " + reason(error);
    }

    /** Why a load failed, in one line; an InputException's message already starts with file:line. */
    static String reason(Throwable error) {
        return error == null || error.getMessage() == null ? String.valueOf(error) : error.getMessage();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The profiles loaded beside the run, or null. */
    public ReadOnlyObjectProperty<ProfiledModel> profilesProperty() {
        return profiles.getReadOnlyProperty();
    }

    /**
     * The derivation of the run shown (its partition of the window into intervals, attempts and report); null when
     * no run is shown. Changes once per opened run, edit or window, after the other properties.
     */
    public ReadOnlyObjectProperty<Derivation> derivationProperty() {
        return derivation.getReadOnlyProperty();
    }

    public Derivation getDerivation() {
        return derivation.get();
    }

    /** The files of the run shown, or of the failed open; what Reload reads again. */
    public ReadOnlyListProperty<Path> filesProperty() {
        return files.getReadOnlyProperty();
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

    /** The file names, for the status bar. */
    public ReadOnlyStringProperty filesTextProperty() {
        return filesText.getReadOnlyProperty();
    }

    /** The measurement window's bounds and length, for the status bar. */
    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    /** How many warnings and errors the reading met, for the status bar. */
    public ReadOnlyStringProperty problemCountProperty() {
        return problemCount.getReadOnlyProperty();
    }

    /**
     * What the measure's card says under it: its formula, or for the model goodput set by a profile, the profile
     * ("MFU from trace x.json, 12 steady steps"), so a trace that replaced the run's MFU does not do so silently.
     */
    public ReadOnlyStringProperty formulaProperty(GoodputTerm measure) {
        return formulas.get(measure).getReadOnlyProperty();
    }

    private static String formula(GoodputTerm measure, GoodputReport r, ProfiledModel runProfiles) {
        MfuDetails mfu = r.mfu();
        if (measure != GoodputTerm.MODEL || mfu == null || !MfuDetails.PROFILE.equals(mfu.source())
                || runProfiles == null) {
            return measure.formula();
        }
        List<String> traces = runProfiles.ranks().stream().map(p -> Path.of(p.file()).getFileName().toString())
                .distinct().toList();
        String from = traces.size() == 1 ? "trace " + traces.get(0)
                : traces.size() + " traces (" + traces.get(0) + ", …)";
        return "MFU from " + from + ", " + mfu.steadySteps() + " steady step" + (mfu.steadySteps() == 1 ? "" : "s");
    }

    /** The measure as a percentage, or "n/a". */
    public ReadOnlyStringProperty figureProperty(GoodputTerm measure) {
        return figures.get(measure).getReadOnlyProperty();
    }

    /**
     * "Partial: 3 read errors" when the lenient readers left something out of the run shown (its figures rest on
     * the rest); "" when every record was read.
     */
    public ReadOnlyStringProperty partialProperty() {
        return partial.getReadOnlyProperty();
    }

    /** What {@link #partialProperty()} means and the first record left out, as {@code file:line: why}; "" if none. */
    public ReadOnlyStringProperty partialDetailProperty() {
        return partialDetail.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<BadputRow> badputProperty() {
        return badput.getReadOnlyProperty();
    }

    /** The problems met reading the run, one line each with severity and {@code file:line}. */
    public ReadOnlyListProperty<String> problemsProperty() {
        return problems.getReadOnlyProperty();
    }
}
