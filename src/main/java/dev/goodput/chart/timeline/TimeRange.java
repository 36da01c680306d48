package dev.goodput.chart.timeline;

/** A time range [startUs, endUs) chosen on the timeline (e.g. by shift-drag). */
public record TimeRange(long startUs, long endUs) {
    public TimeRange {
        if (endUs < startUs) {
            long t = startUs;
            startUs = endUs;
            endUs = t;
        }
    }
}
