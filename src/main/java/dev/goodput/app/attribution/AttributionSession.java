package dev.goodput.app.attribution;

import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.EditHistory;
import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tagging;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributions being edited on the run shown: the imported derivation, the user's overlay on it and the undo
 * history, as read-only properties. Every edit, undo and redo re-attributes incrementally and publishes a new
 * {@linkplain #derivationProperty() attributed derivation} (its intervals are the attributed pieces, its report
 * the re-derived goodputs), which the figures, waterfall and timeline show. The imported derivation is never
 * changed. The colours the user chooses for causes are edits of the same history (one Undo undoes the last of
 * either), kept in the {@link CauseColourBook} every chart draws from. Call on the FX thread.
 */
public final class AttributionSession {
    private final ReadOnlyObjectWrapper<Derivation> derivation = new ReadOnlyObjectWrapper<>(this, "derivation");
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", Overlay.EMPTY);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", UNDO);
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", REDO);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyObjectWrapper<Map<String, Integer>> chosenColours = new ReadOnlyObjectWrapper<>(this,
            "chosenColours", Map.of());
    private final CauseColourBook book;
    private EditHistory history;
    private Tagging tagging;
    /**
     * The order of the steps to undo and redo across both kinds: an attribution step is the next of the edit
     * history's own (which keeps the overlays), a colour step says what it changed.
     */
    private final Deque<Step> undoSteps = new ArrayDeque<>();
    private final Deque<Step> redoSteps = new ArrayDeque<>();

    /** One step of the history: an attribution edit, or a cause's colour from {@code before} to {@code after}. */
    private sealed interface Step permits AttributionStep, ColourStep {
    }

    private record AttributionStep() implements Step {
    }

    /** @param before the chosen colour before (0: none), {@code after} likewise */
    private record ColourStep(String cause, String label, int before, int after) implements Step {
    }

    private static final Step ATTRIBUTION = new AttributionStep();

    static final String UNDO = "Undo";
    static final String REDO = "Redo";

    /** Edits drawn in the session's colour book ({@link CauseColourBook#session()}). */
    public AttributionSession() {
        this(CauseColourBook.session());
    }

    /** Edits whose cause colours are kept in {@code book}. */
    public AttributionSession(CauseColourBook book) {
        this.book = Objects.requireNonNull(book);
    }

    /**
     * An attribution and the derivation it shows, made off the FX thread (a first attribution of a big run takes
     * as long as a derivation), so the timeline can prepare its lanes for exactly that derivation there too.
     */
    public record Prepared(IncrementalAttribution attribution, Derivation shown) {
        public static Prepared of(Derivation base, Overlay overlay) {
            IncrementalAttribution a = IncrementalAttribution.of(base, Objects.requireNonNull(overlay));
            return new Prepared(a, a.derivation());
        }
    }

    /** Starts editing {@code base} under {@code start} (e.g. a workspace's overlay), with an empty history. */
    public void load(Derivation base, Overlay start) {
        load(Prepared.of(base, start));
    }

    /** Starts editing a prepared attribution, with an empty history. */
    public void load(Prepared prepared) {
        history = new EditHistory(prepared.attribution());
        undoSteps.clear();
        redoSteps.clear();
        tagging = Tagging.withRandomIds(() -> history.attribution().overlay());
        publish(prepared.shown());
    }

    /**
     * Goes on editing on a new derivation of the same run (another window, the files reloaded): the overlay and
     * the whole history carry over, since edits are time ranges and rules, not interval numbers.
     */
    public void rebase(Derivation base) {
        if (history == null) {
            load(base, Overlay.EMPTY);
            return;
        }
        rebase(Prepared.of(base, history.attribution().overlay()));
    }

    /**
     * As {@link #rebase(Derivation)}, with an attribution prepared off the FX thread. When the overlay changed
     * while it was prepared (the user edited during a re-derivation), it is attributed again here.
     */
    public void rebase(Prepared prepared) {
        if (history == null) {
            load(prepared);
            return;
        }
        if (!prepared.attribution().overlay().equals(history.attribution().overlay())) {
            rebase(prepared.attribution().base());
            return;
        }
        history.rebase(prepared.attribution());
        publish(prepared.shown());
    }

    /** No run: nothing to edit. */
    public void clear() {
        history = null;
        tagging = null;
        undoSteps.clear();
        redoSteps.clear();
        chosenColours.set(book.chosen());
        derivation.set(null);
        overlay.set(Overlay.EMPTY);
        updateHistoryTexts();
        revision.set(revision.get() + 1);
    }

    /**
     * Applies an edit as one undo step.
     *
     * @throws IllegalArgumentException when it does not apply (e.g. a rule whose pattern does not compile);
     *                                  nothing changes then
     * @throws IllegalStateException    when no run is loaded
     */
    public void apply(Edit edit) {
        requireLoaded().apply(edit);
        undoSteps.push(ATTRIBUTION);
        redoSteps.clear();
        publish(null);
    }

    /**
     * Draws {@code cause} in {@code argb} on every chart, as one undo step ("Undo colour of Faulty GPU");
     * 0 resets it to its own colour. Nothing happens when it is drawn so already by choice.
     *
     * @param label the cause's name, for Undo and Redo
     * @throws IllegalStateException when no run is loaded
     */
    public void setColour(String cause, String label, int argb) {
        requireLoaded();
        int before = chosenColour(cause);
        int after = argb == 0 ? 0 : 0xFF000000 | argb;
        if (before == after) {
            return;
        }
        ColourStep step = new ColourStep(cause, label, before, after);
        book.choose(cause, after);
        undoSteps.push(step);
        redoSteps.clear();
        publishColours();
    }

    /** The colour the user chose for a cause (opaque ARGB), or 0 when it is drawn in its own. */
    public int chosenColour(String cause) {
        Integer c = book.chosen().get(CauseCatalog.canonicalId(cause));
        return c == null ? 0 : c;
    }

    /** The book the charts draw causes from. */
    public CauseColourBook colourBook() {
        return book;
    }

    /** The colours the user chose, by cause id: what a workspace must save. */
    public ReadOnlyObjectProperty<Map<String, Integer>> chosenColoursProperty() {
        return chosenColours.getReadOnlyProperty();
    }

    /** Moves to {@code after} (e.g. merged with a teammate's attributions) as one undo step. */
    public void replaceOverlay(Overlay after, String label) {
        apply(dev.goodput.core.attribution.OverlayChange.between(attribution().overlay(), after, label));
    }

    public void undo() {
        if (history == null || undoSteps.isEmpty()) {
            return;
        }
        Step s = undoSteps.pop();
        redoSteps.push(s);
        if (s instanceof ColourStep c) {
            book.choose(c.cause(), c.before());
            publishColours();
        } else {
            history.undo();
            publish(null);
        }
    }

    public void redo() {
        if (history == null || redoSteps.isEmpty()) {
            return;
        }
        Step s = redoSteps.pop();
        undoSteps.push(s);
        if (s instanceof ColourStep c) {
            book.choose(c.cause(), c.after());
            publishColours();
        } else {
            history.redo();
            publish(null);
        }
    }

    public boolean isLoaded() {
        return history != null;
    }

    /** Makes edits against the current overlay (tag rows, ranges, split, merge, toggle a rule). */
    public Tagging tagging() {
        requireLoaded();
        return tagging;
    }

    /** The live attribution, for lookups (next unattributed, the piece at a time); read it, edit through apply. */
    public IncrementalAttribution attribution() {
        return requireLoaded().attribution();
    }

    /** Every piece of the attributed partition in time order, with who assigned it; empty with no run. */
    public List<AttributedInterval> rows() {
        return history == null ? List.of() : history.attribution().intervals(); // cached there until the next edit
    }

    /** The causes to offer when tagging or writing a rule: the taxonomy and those in use (shown and in the overlay). */
    public CauseChoices causeChoices() {
        Derivation shown = derivation.get();
        return CauseChoices.of(shown == null ? null : shown.report(), overlay.get());
    }

    /** The imported derivation edits apply to; null with no run. */
    public Derivation base() {
        return history == null ? null : history.attribution().base();
    }

    /** The derivation under the current overlay; null with no run. Replaced after every edit, undo and redo. */
    public ReadOnlyObjectProperty<Derivation> derivationProperty() {
        return derivation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo", or "Undo Tag as Faulty GPU": what the Edit menu says. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Counts changes (edits, undos, redos, loads); what autosave and views of the rows listen to. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private EditHistory requireLoaded() {
        if (history == null) {
            throw new IllegalStateException("no run to edit");
        }
        return history;
    }

    /** @param shown the attributed derivation when already made, else null */
    private void publish(Derivation shown) {
        IncrementalAttribution a = history.attribution();
        overlay.set(a.overlay());
        chosenColours.set(book.chosen());
        updateHistoryTexts();
        // Last, so listeners of the derivation see the overlay, rows and history already current.
        derivation.set(shown != null ? shown : a.derivation());
        revision.set(revision.get() + 1);
    }

    /**
     * A colour changed: the same derivation, published anew so every chart (timeline, waterfall, exports) draws it
     * again in the book's colours; nothing is re-attributed.
     */
    private void publishColours() {
        Derivation d = derivation.get();
        chosenColours.set(book.chosen());
        updateHistoryTexts();
        derivation.set(new Derivation(d.run(), d.window(), d.intervals(), d.attempts(), d.slowSteps(), d.report()));
        revision.set(revision.get() + 1);
    }

    private void updateHistoryTexts() {
        canUndo.set(history != null && !undoSteps.isEmpty());
        canRedo.set(history != null && !redoSteps.isEmpty());
        undoText.set(history == null ? UNDO : label(undoSteps.peek(), history.undoLabel()).map(l -> UNDO + " " + l)
                .orElse(UNDO));
        redoText.set(history == null ? REDO : label(redoSteps.peek(), history.redoLabel()).map(l -> REDO + " " + l)
                .orElse(REDO));
    }

    /** What a step is called: "colour of Faulty GPU", or the attribution edit's own label. */
    private static Optional<String> label(Step s, Optional<String> attribution) {
        if (s == null) {
            return Optional.empty();
        }
        return s instanceof ColourStep c ? Optional.of("colour of " + c.label()) : attribution;
    }
}
