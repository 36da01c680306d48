package dev.goodput.chart.timeline;

import dev.goodput.core.report.HumanFormat;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step-time lane's scale in its gutter, and the profile lane's words for a profile it cannot show. */
class StepScaleAndProfileLaneTest {
    private static final long MIN = 60_000_000L;

    @Test
    void theStepScaleSaysTheTypicalStepAndTheSlowestInView() {
        TimelineLanes lanes = TimelineLanes.of(SampleRuns.derive(SampleRuns.CLEAN));
        TimelineViewport v = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        List<String> lines = StepScale.lines(lanes.stepTimes(), v);
        assertEquals("typical " + HumanFormat.duration(lanes.stepTimes().typicalSeconds()), lines.get(0));
        assertTrue(lines.get(1).startsWith("max "), lines.toString());
        double max = lanes.stepTimes().slowest(v.start(), v.end(), 1)[0];
        assertTrue(max >= lanes.stepTimes().typicalSeconds(), lines.toString());
        assertEquals(List.of(), StepScale.lines(null, v));
    }

    @Test
    void aProfileOutsideTheRunsWindowIsNamedWithItsTime() {
        TimelineViewport v = TimelineViewport.fit(1_000 * MIN, 2_000 * MIN);
        // 2024-07-18 11:51:01 UTC: an unrelated trace, long after the run.
        long at = 1_721_303_461_000_000L;
        ProfileSpan far = new ProfileSpan(at, at + 5_000_000L, "rank 0 · MFU 16.9%", "Profile: other.json");
        assertEquals("profile outside the run's window: 2024-07-18 11:51:01 UTC (rank 0 · MFU 16.9%)",
                ProfileLane.note(List.of(far), v));
        String hover = ProfileLane.hover(List.of(far), v, 1_500 * MIN, MIN);
        assertTrue(hover.startsWith("Outside the run's window (") && hover.endsWith("Profile: other.json"), hover);
    }

    @Test
    void aProfileInViewIsDrawnNotNamedAndOneOffScreenIsPointedAt() {
        TimelineViewport all = TimelineViewport.fit(1_000 * MIN, 2_000 * MIN);
        ProfileSpan inside = new ProfileSpan(1_100 * MIN, 1_101 * MIN, "rank 1 · MFU 40.0%", "Profile: a.json");
        assertEquals("", ProfileLane.note(List.of(inside), all));
        assertEquals("Profile: a.json", ProfileLane.hover(List.of(inside), all, 1_100 * MIN + 1, 0));
        TimelineViewport zoomed = all.show(1_500 * MIN, 1_600 * MIN);
        assertTrue(ProfileLane.note(List.of(inside), zoomed).startsWith("profile off screen: "),
                ProfileLane.note(List.of(inside), zoomed));
    }
}
