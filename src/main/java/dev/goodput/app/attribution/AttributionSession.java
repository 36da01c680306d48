package dev.goodput.app.attribution;

import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.EditHistory;
import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tagging;
import dev.goodput.core.derive.Derivation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Objects;

/**
 * The attributions being edited on the run shown: the imported derivation, the user's overlay on it and the undo
 * history, as read-only properties. Every edit, undo and redo re-attributes incrementally and publishes a new
 * {@linkplain #derivationProperty() attributed derivation} (its intervals are the attributed pieces, its report
 * the re-derived goodputs), which the figures, waterfall and timeline show. The imported derivation is never
 * changed. Call on the FX thread.
 */
public final class AttributionSession {
    private final ReadOnlyObjectWrapper<Derivation> derivation = new ReadOnlyObjectWrapper<>(this, "derivation");
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", Overlay.EMPTY);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", UNDO);
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", REDO);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private EditHistory history;
    private Tagging tagging;

    static final String UNDO = "Undo";
    static final String REDO = "Redo";

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
        publish(null);
    }

    /** Moves to {@code after} (e.g. merged with a teammate's attributions) as one undo step. */
    public void replaceOverlay(Overlay after, String label) {
        apply(dev.goodput.core.attribution.OverlayChange.between(attribution().overlay(), after, label));
    }

    public void undo() {
        if (history != null && history.canUndo()) {
            history.undo();
            publish(null);
        }
    }

    public void redo() {
        if (history != null && history.canRedo()) {
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
        updateHistoryTexts();
        // Last, so listeners of the derivation see the overlay, rows and history already current.
        derivation.set(shown != null ? shown : a.derivation());
        revision.set(revision.get() + 1);
    }

    private void updateHistoryTexts() {
        canUndo.set(history != null && history.canUndo());
        canRedo.set(history != null && history.canRedo());
        undoText.set(history == null ? UNDO : history.undoLabel().map(l -> UNDO + " " + l).orElse(UNDO));
        redoText.set(history == null ? REDO : history.redoLabel().map(l -> REDO + " " + l).orElse(REDO));
    }
}
