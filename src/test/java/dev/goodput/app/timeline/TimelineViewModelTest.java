package dev.goodput.app.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.timeline.TimeRange;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.Layer;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's view model, without a window: viewport moves, selection, ranges, highlight, reveal, Escape. */
class TimelineViewModelTest {
    private final Derivation d = SampleRuns.derive(SampleRuns.CLEAN);
    private final TimelineViewModel m = new TimelineViewModel();

    private void load() {
        m.load(d, d.window().startUs(), d.window().endUs());
    }

    @Test
    void aRunStartsFittedAndZoomPanAndFitMoveTheViewport() {
        load();
        long full = m.viewportProperty().get().span();
        assertEquals(d.window().endUs() - d.window().startUs(), full);
        m.zoomIn();
        assertTrue(m.viewportProperty().get().span() < full);
        long start = m.viewportProperty().get().start();
        m.pan(0.2);
        assertTrue(m.viewportProperty().get().start() > start);
        m.zoomToFit();
        assertEquals(full, m.viewportProperty().get().span());
    }

    @Test
    void selectingALostIntervalPicksOutItsCauseAndAProductiveOneClearsIt() {
        load();
        m.selectAt(d.window().startUs() + 10_000_000L, false); // provisioning, the first 42 s
        assertEquals(42_000_000L, m.selectedProperty().get().durationUs());
        assertEquals(new CauseKey(Layer.INFRA, "provisioning"), m.highlightProperty().get());
        m.selectAt(d.window().startUs() + 1_200_000_000L, false);
        assertInstanceOf(IntervalState.Productive.class, m.selectedProperty().get().state());
        assertNull(m.highlightProperty().get());
    }

    @Test
    void revealZoomsToASliverAndSelectsIt() {
        load();
        long s = d.window().startUs();
        m.reveal(s, s + 42_000_000L);
        assertTrue(m.viewportProperty().get().span() < 10 * 42_000_000L, "zoomed in on the sliver");
        assertTrue(m.viewportProperty().get().start() <= s && m.viewportProperty().get().end() >= s + 42_000_000L);
        assertEquals(s, m.selectedProperty().get().startUs());
    }

    @Test
    void reDerivingTheSameRunKeepsTheZoomRangesAndSelection() {
        load();
        m.zoomIn();
        var zoomed = m.viewportProperty().get();
        m.selectAt(d.window().startUs() + 10_000_000L, false);
        m.markRange(new TimeRange(d.window().startUs(), d.window().startUs() + 60_000_000L));
        load(); // the same derivation again, as after an edit
        assertEquals(zoomed, m.viewportProperty().get());
        assertNotNull(m.markedRangeProperty().get());
        assertEquals(d.window().startUs(), m.selectedProperty().get().startUs());
    }

    @Test
    void escapeClearsEveryPickAndTheHighlight() {
        load();
        assertFalse(m.anythingPicked());
        m.selectAt(d.window().startUs() + 10_000_000L, false);
        m.selectRange(new TimeRange(d.window().startUs(), d.window().startUs() + 60_000_000L));
        assertTrue(m.anythingPicked());
        m.clearAll();
        assertNull(m.selectedProperty().get());
        assertNull(m.selectedRangeProperty().get());
        assertNull(m.highlightProperty().get());
        assertFalse(m.anythingPicked());
    }

    @Test
    void noRunNoViewport() {
        load();
        m.load(null, 0, 0);
        assertNull(m.viewportProperty().get());
        m.zoomIn(); // nothing to move: no error
        m.reveal(0, 1);
        assertNull(m.selectedProperty().get());
    }
}
