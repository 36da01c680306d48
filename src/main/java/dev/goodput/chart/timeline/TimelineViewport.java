package dev.goodput.chart.timeline;

/**
 * The visible time range of a timeline, and the zoom/pan arithmetic on it (kept inside the data's bounds,
 * at least {@link #MIN_SPAN_US} wide). Immutable; every operation returns a new viewport.
 */
public record TimelineViewport(long dataStart, long dataEnd, long start, long end) {
    public static final long MIN_SPAN_US = 1_000;

    public static TimelineViewport fit(long dataStart, long dataEnd) {
        long e = Math.max(dataEnd, dataStart + MIN_SPAN_US);
        return new TimelineViewport(dataStart, e, dataStart, e);
    }

    public long span() {
        return end - start;
    }

    /** Zooms by {@code factor} (< 1 zooms in) keeping the time under {@code anchorFraction} (0..1) in place. */
    public TimelineViewport zoom(double factor, double anchorFraction) {
        double anchor = start + anchorFraction * span();
        double newSpan = Math.max(MIN_SPAN_US, Math.min(dataEnd - dataStart, span() * factor));
        long s = Math.round(anchor - anchorFraction * newSpan);
        return clamp(s, s + Math.round(newSpan));
    }

    /** Pans by a fraction of the visible span (positive: later). */
    public TimelineViewport pan(double fraction) {
        long d = Math.round(span() * fraction);
        return clamp(start + d, end + d);
    }

    /** Shows [s, e) (e.g. a double-clicked interval or a selected range), with a little margin. */
    public TimelineViewport show(long s, long e) {
        long margin = Math.max(1, (e - s) / 20);
        long a = s - margin;
        long b = Math.max(a + MIN_SPAN_US, e + margin);
        return clamp(a, b);
    }

    public TimelineViewport fitAll() {
        return new TimelineViewport(dataStart, dataEnd, dataStart, dataEnd);
    }

    private TimelineViewport clamp(long s, long e) {
        long span = Math.min(dataEnd - dataStart, Math.max(MIN_SPAN_US, e - s));
        long a = Math.max(dataStart, Math.min(s, dataEnd - span));
        return new TimelineViewport(dataStart, dataEnd, a, a + span);
    }

    /** Time at horizontal position x of a lane {@code width} pixels wide. */
    public long timeAt(double x, double width) {
        return start + Math.round(x / width * span());
    }

    /** Horizontal position of time t. */
    public double xOf(long t, double width) {
        return (t - start) * width / span();
    }
}
