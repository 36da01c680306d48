package dev.goodput.app.timeline;

import java.util.Arrays;

/**
 * Paints one frame of the timeline's lanes into an ARGB buffer, at a cost set by the pixels, not by the
 * number of intervals, attempts or events: run state (stacked shares per column), job attempts (bars,
 * disrupted ones in vermillion), faults (markers) and checkpoints (ticks). Text (axis, labels) is drawn by
 * the view on top. Plain Java, so frames are benchmarked without a display.
 */
public final class TimelineFrame {
    public static final int STATE_TOP = 0;
    public static final int STATE_HEIGHT = 64;
    public static final int ATTEMPT_TOP = STATE_HEIGHT + 6;
    public static final int ATTEMPT_HEIGHT = 14;
    public static final int FAULT_TOP = ATTEMPT_TOP + ATTEMPT_HEIGHT + 6;
    public static final int FAULT_HEIGHT = 12;
    public static final int CHECKPOINT_TOP = FAULT_TOP + FAULT_HEIGHT + 6;
    public static final int CHECKPOINT_HEIGHT = 10;
    public static final int STEP_TOP = CHECKPOINT_TOP + CHECKPOINT_HEIGHT + 6;
    public static final int STEP_HEIGHT = 14;
    public static final int HEIGHT = STEP_TOP + STEP_HEIGHT + 2;
    /** An anomalous (slow) step's column. */
    public static final int ANOMALOUS_STEP = 0xFF000000;

    private static final int ATTEMPT_OK = 0xFF7F8C8D;
    private static final int ATTEMPT_DISRUPTED = 0xFFD55E00;
    private static final int FAULT = 0xFFD55E00;
    private static final int CHECKPOINT = 0xFF0072B2;

    private TimelineFrame() {
    }

    /** Paints the visible range of {@code v} into {@code pixels} (width × {@link #HEIGHT}, cleared first). */
    public static void paint(TimelineLanes lanes, TimelineViewport v, int width, int[] pixels) {
        Arrays.fill(pixels, 0, width * HEIGHT, 0);
        float[] shares = lanes.states().summarize(v.start(), v.end(), width);
        StateCategories c = lanes.categories();
        int[] colours = new int[c.size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = c.colour(i);
        }
        StateLaneRaster.paint(shares, c.size(), colours, width, pixels, width, STATE_TOP, STATE_HEIGHT);
        paintAttempts(lanes, v, width, pixels);
        paintMarkers(lanes.faults(), v, width, pixels, FAULT_TOP, FAULT_HEIGHT, FAULT, 2);
        paintMarkers(lanes.checkpoints(), v, width, pixels, CHECKPOINT_TOP, CHECKPOINT_HEIGHT, CHECKPOINT, 0);
        if (lanes.stepTimes() != null) {
            paintStepTimes(lanes.stepTimes(), v, width, pixels);
        }
    }

    /**
     * A heat strip of the slowest step per column: typical steps pale, slower ones deeper orange (up to 2×
     * typical), anomalous steps black, so a straggler step is found at any zoom.
     */
    private static void paintStepTimes(StepTimeColumns steps, TimelineViewport v, int width, int[] pixels) {
        double typical = steps.typicalSeconds();
        if (Double.isNaN(typical) || typical <= 0) {
            return;
        }
        float[] slowest = steps.slowest(v.start(), v.end(), width);
        for (int x = 0; x < width; x++) {
            float s = slowest[x];
            if (s <= 0) {
                continue;
            }
            int colour;
            if (s > steps.anomalySeconds()) {
                colour = ANOMALOUS_STEP;
            } else {
                double heat = Math.max(0, Math.min(1, (s / typical - 0.9) / 1.1));
                colour = blend(0xFFFCE8D4, 0xFFE69F00, heat);
            }
            for (int y = STEP_TOP; y < STEP_TOP + STEP_HEIGHT; y++) {
                pixels[y * width + x] = colour;
            }
        }
    }

    private static int blend(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    private static void paintAttempts(TimelineLanes l, TimelineViewport v, int width, int[] pixels) {
        int from = Math.max(0, lowerBound(l.attemptEnd(), v.start() + 1));
        for (int i = from; i < l.attemptStart().length && l.attemptStart()[i] < v.end(); i++) {
            int x0 = (int) Math.max(0, Math.floor(v.xOf(l.attemptStart()[i], width)));
            int x1 = (int) Math.min(width - 1, Math.ceil(v.xOf(l.attemptEnd()[i], width)) - 1);
            int colour = l.attemptDisrupted()[i] ? ATTEMPT_DISRUPTED : ATTEMPT_OK;
            x1 = Math.max(x0, x1); // an attempt narrower than a pixel still shows
            for (int y = ATTEMPT_TOP + 2; y < ATTEMPT_TOP + ATTEMPT_HEIGHT - 2; y++) {
                Arrays.fill(pixels, y * width + x0, y * width + x1 + 1, colour);
            }
            if (x1 - x0 >= 2) { // a gap marks where one attempt ends and the next begins
                for (int y = ATTEMPT_TOP; y < ATTEMPT_TOP + ATTEMPT_HEIGHT; y++) {
                    pixels[y * width + x0] = 0;
                }
            }
        }
    }

    /** One marker per pixel column with at least one event: cost bounded by the width, not the count. */
    private static void paintMarkers(long[] times, TimelineViewport v, int width, int[] pixels, int top, int height,
                                     int colour, int halfWidth) {
        int i = lowerBound(times, v.start());
        int lastX = Integer.MIN_VALUE;
        while (i < times.length && times[i] < v.end()) {
            int x = (int) v.xOf(times[i], width);
            if (x != lastX) {
                for (int dx = -halfWidth; dx <= halfWidth; dx++) {
                    int xx = x + dx;
                    if (xx >= 0 && xx < width) {
                        for (int y = top; y < top + height; y++) {
                            pixels[y * width + xx] = colour;
                        }
                    }
                }
                lastX = x;
            }
            // Skip the rest of this column's events at once.
            long nextColumn = v.timeAt(x + 1, width);
            int j = lowerBound(times, Math.max(nextColumn, times[i] + 1));
            i = Math.max(i + 1, j);
        }
    }

    private static int lowerBound(long[] a, long t) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
