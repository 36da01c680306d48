package dev.goodput.chart.timeline;

import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where a timeline chart's lanes go, in chart units, top to bottom: run state, attempts, faults,
 * checkpoints, step time.
 */
public record TimelineLaneBoxes(Rectangle2D state, Rectangle2D attempts, Rectangle2D faults,
                                Rectangle2D checkpoints, Rectangle2D steps) {

    /** Each lane's label, in the order of {@link #all()}. */
    public static final List<String> LABELS = List.of("Run state", "Attempts", "Faults", "Checkpoints", "Step time");

    /**
     * Lanes {@code width} wide at x from {@code top}: the event lanes and the gaps as on screen times
     * {@code scale} (so their labels fit), the state lane taking what is left above {@code bottom}, but never
     * less than on screen.
     */
    public static TimelineLaneBoxes of(double x, double width, double top, double bottom, double scale) {
        double gap = FrameLayout.GAP * scale;
        double events = (TimelineFrame.HEIGHT - TimelineFrame.ATTEMPT_TOP - 2) * scale; // from attempts down
        double state = Math.max(TimelineFrame.STATE_HEIGHT * scale, bottom - top - events - gap);
        double y = top + state + gap;
        Rectangle2D attempts = box(x, width, y, TimelineFrame.ATTEMPT_HEIGHT * scale);
        y = attempts.getMaxY() + gap;
        Rectangle2D faults = box(x, width, y, TimelineFrame.FAULT_HEIGHT * scale);
        y = faults.getMaxY() + gap;
        Rectangle2D checkpoints = box(x, width, y, TimelineFrame.CHECKPOINT_HEIGHT * scale);
        y = checkpoints.getMaxY() + gap;
        return new TimelineLaneBoxes(box(x, width, top, state), attempts, faults, checkpoints,
                box(x, width, y, TimelineFrame.STEP_HEIGHT * scale));
    }

    private static Rectangle2D box(double x, double width, double y, double height) {
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** The lanes, top to bottom, matching {@link #LABELS}. */
    public List<Rectangle2D> all() {
        return List.of(state, attempts, faults, checkpoints, steps);
    }

    public double top() {
        return state.getY();
    }

    public double bottom() {
        return steps.getMaxY();
    }
}
