package dev.goodput.chart.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineViewportTest {
    private final TimelineViewport all = TimelineViewport.fit(0, 1_000_000_000L);

    @Test
    void zoomKeepsTheAnchorInPlace() {
        TimelineViewport v = all.zoom(0.5, 0.25);
        assertEquals(500_000_000L, v.span());
        assertEquals(all.timeAt(250, 1000), v.timeAt(250, 1000));
    }

    @Test
    void panAndZoomStayInsideTheData() {
        TimelineViewport v = all.zoom(0.1, 0.5).pan(100);
        assertEquals(1_000_000_000L, v.end());
        assertEquals(100_000_000L, v.span());
        assertEquals(all, all.zoom(5, 0.5));
        assertEquals(TimelineViewport.MIN_SPAN_US, all.zoom(1e-12, 0.5).span());
    }

    @Test
    void showAnIntervalWithMarginAndConvertPositions() {
        TimelineViewport v = all.show(400_000_000L, 500_000_000L);
        assertTrue(v.start() < 400_000_000L && v.end() > 500_000_000L);
        assertEquals(0.0, v.xOf(v.start(), 800), 1e-9);
        assertEquals(800.0, v.xOf(v.end(), 800), 1e-9);
    }

    @Test
    void axisTicksAreReadableAtEveryZoom() {
        for (long span : new long[]{2_000, 3_000_000, 7_200_000_000L, 54L * 86_400_000_000L}) {
            TimelineViewport v = TimelineViewport.fit(1_700_000_000_000_000L, 1_700_000_000_000_000L + span);
            var ticks = TimeAxis.ticks(v, 1920, 90);
            assertTrue(ticks.size() >= 2 && ticks.size() <= 1920 / 90 + 1, span + ": " + ticks.size());
            assertTrue(ticks.stream().map(TimeAxis.Tick::calendar).distinct().count() == ticks.size(),
                    "labels differ at span " + span);
        }
    }
}
