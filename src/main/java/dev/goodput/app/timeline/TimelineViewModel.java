package dev.goodput.app.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.timeline.IntervalLookup;
import dev.goodput.chart.timeline.TimeRange;
import dev.goodput.chart.timeline.TimelineViewport;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Run;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the timeline shows and what is picked on it, apart from the node that draws it: the viewport, the selected
 * interval, the window range (shift-drag) and the range to tag (ctrl-drag), the picked fault and the highlighted
 * cause; and the moves on them (zoom, pan, fit, reveal, select, Escape). The view binds to it; the range tagger, the
 * unattributed navigator and the attribution table work on it. Plain properties: tested without a window.
 */
public final class TimelineViewModel {
    final ReadOnlyObjectWrapper<TimelineViewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    final ReadOnlyObjectWrapper<Interval> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    final ObjectProperty<CauseKey> highlight = new SimpleObjectProperty<>(this, "highlight");
    final ReadOnlyObjectWrapper<TimeRange> selectedRange = new ReadOnlyObjectWrapper<>(this, "selectedRange");
    final ReadOnlyObjectWrapper<TimeRange> markedRange = new ReadOnlyObjectWrapper<>(this, "markedRange");
    final ReadOnlyObjectWrapper<FaultEvent> pickedFault = new ReadOnlyObjectWrapper<>(this, "pickedFault");
    private IntervalLookup lookup;
    /** The run shown: a new derivation of it (an edit, another window) keeps the view where it was. */
    private Run shownRun;

    public ReadOnlyObjectProperty<TimelineViewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Interval> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The cause picked out (its intervals stay bright, the rest fade); null for none. */
    public ObjectProperty<CauseKey> highlightProperty() {
        return highlight;
    }

    /** The range shift-dragged (the window to set); null when none. */
    public ReadOnlyObjectProperty<TimeRange> selectedRangeProperty() {
        return selectedRange.getReadOnlyProperty();
    }

    /** The range ctrl-dragged to tag its lost time; null when none. Kept across edits. */
    public ReadOnlyObjectProperty<TimeRange> markedRangeProperty() {
        return markedRange.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FaultEvent> pickedFaultProperty() {
        return pickedFault.getReadOnlyProperty();
    }

    /** The intervals shown, by time (null with no run). */
    IntervalLookup lookup() {
        return lookup;
    }

    /**
     * Shows {@code d} over [dataStart, dataEnd): the same run's same window re-derived (an attribution edit) keeps the
     * zoom, the ranges and the selection (the interval now at its start); another run or window starts fitted.
     */
    void load(Derivation d, long dataStart, long dataEnd) {
        Interval wasSelected = selected.get();
        selected.set(null);
        if (d == null || d.intervals().isEmpty() || d.run() != shownRun) {
            pickedFault.set(null);
        }
        if (d == null || d.intervals().isEmpty()) {
            shownRun = null;
            selectedRange.set(null);
            markedRange.set(null);
            lookup = null;
            viewport.set(null);
            return;
        }
        lookup = new IntervalLookup(d);
        TimelineViewport fresh = TimelineViewport.fit(dataStart, dataEnd);
        TimelineViewport now = viewport.get();
        boolean sameRun = shownRun == d.run();
        shownRun = d.run();
        if (sameRun && now != null && now.dataStart() == fresh.dataStart() && now.dataEnd() == fresh.dataEnd()) {
            if (wasSelected != null) {
                selected.set(intervalAt(wasSelected.startUs()));
            }
            return;
        }
        selectedRange.set(null);
        markedRange.set(null);
        viewport.set(fresh);
    }

    private Interval intervalAt(long t) {
        int i = lookup == null ? -1 : lookup.indexAt(t);
        return i < 0 ? null : lookup.get(i);
    }

    public void setViewport(TimelineViewport v) {
        viewport.set(v);
    }

    /** Zooms about {@code anchor} (0 left edge, 1 right) by {@code factor} (below 1 zooms in). */
    public void zoom(double factor, double anchor) {
        if (viewport.get() != null) {
            viewport.set(viewport.get().zoom(factor, anchor));
        }
    }

    public void zoomIn() {
        zoom(0.8, 0.5);
    }

    public void zoomOut() {
        zoom(1.25, 0.5);
    }

    /** Pans by a fraction of the visible span: negative to the past, positive to the future. */
    public void pan(double fraction) {
        if (viewport.get() != null) {
            viewport.set(viewport.get().pan(fraction));
        }
    }

    public void zoomToFit() {
        if (viewport.get() != null) {
            viewport.set(viewport.get().fitAll());
        }
    }

    /**
     * Shows {@code [startUs, endUs)} with some context around it and selects the interval at {@code startUs}: what
     * "next unattributed" and a row picked in the attribution table do.
     */
    public void reveal(long startUs, long endUs) {
        TimelineViewport v = viewport.get();
        if (v == null || lookup == null) {
            return;
        }
        long len = Math.max(endUs - startUs, TimelineViewport.MIN_SPAN_US);
        // Under 2% of the view is a sliver to work on (tag, split): zoom so it fills the middle third.
        boolean wideEnough = len >= v.span() / 50;
        if (!wideEnough || len > v.span()) {
            v = v.show(startUs - len, endUs + len);
        } else if (startUs < v.start() || endUs > v.end()) {
            v = v.pan((double) (startUs + len / 2 - (v.start() + v.span() / 2)) / v.span());
        }
        viewport.set(v);
        selected.set(intervalAt(startUs));
    }

    /**
     * Selects the interval at {@code t} (a click) and picks out its cause (a productive one clears the highlight);
     * {@code zoom}: shows it whole (a double-click). The marked range is dropped.
     */
    public void selectAt(long t, boolean zoom) {
        Interval iv = intervalAt(t);
        markedRange.set(null);
        if (iv == null) {
            return;
        }
        selected.set(iv);
        highlight.set(iv.state() instanceof IntervalState.Lost lost
                ? new CauseKey(lost.cause().layer(), lost.cause().id()) : null);
        if (zoom && viewport.get() != null) {
            viewport.set(viewport.get().show(iv.startUs(), iv.endUs()));
        }
    }

    /** Picks a fault (a click on its mark): its cause is picked out. */
    public void pickFault(FaultEvent fault) {
        markedRange.set(null);
        pickedFault.set(fault);
        highlight.set(new CauseKey(fault.layer() == null ? Layer.INFRA : fault.layer(), fault.cause()));
    }

    /** The range shift-dragged (the window to set). */
    public void selectRange(TimeRange r) {
        selectedRange.set(r);
    }

    /** The range ctrl-dragged (to tag). */
    public void markRange(TimeRange r) {
        markedRange.set(r);
    }

    /** Clears the selected interval, both ranges and the picked fault (View ▸ Clear Selection). */
    public void clearSelection() {
        selected.set(null);
        selectedRange.set(null);
        markedRange.set(null);
        pickedFault.set(null);
    }

    /** Whether Escape has anything to clear. */
    public boolean anythingPicked() {
        return selected.get() != null || selectedRange.get() != null || markedRange.get() != null
                || pickedFault.get() != null || highlight.get() != null;
    }

    /** Escape: the selection, the ranges, the picked fault and the highlight (so nothing stays faded). */
    public void clearAll() {
        clearSelection();
        highlight.set(null);
    }
}
