package dev.goodput.chart.timeline;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a timeline chart's lanes go, in chart units, top to bottom: run state, accelerators in use (only for a run
 * that leaves part of its allocation out of use; else null), attempts, faults, checkpoints, step time.
 */
public record TimelineLaneBoxes(Rectangle2D state, Rectangle2D accelerators, Rectangle2D attempts, Rectangle2D faults,
                                Rectangle2D checkpoints, Rectangle2D steps) {

    /** Every lane's label a chart may show (the gutter is as wide as the widest). */
    public static final List<String> LABELS = List.of("Run state", "Accelerators in use", "Attempts", "Faults",
            "Checkpoints", "Step time");

    /** As {@link #of(double, double, double, double, double, boolean)}, without an accelerators lane. */
    public static TimelineLaneBoxes of(double x, double width, double top, double bottom, double scale) {
        return of(x, width, top, bottom, scale, false);
    }

    /**
     * Lanes {@code width} wide at x from {@code top}: the event lanes and the gaps as on screen times
     * {@code scale} (so their labels fit), the state lane taking what is left above {@code bottom}, but never
     * less than on screen.
     */
    public static TimelineLaneBoxes of(double x, double width, double top, double bottom, double scale,
                                       boolean accelerators) {
        double gap = FrameLayout.GAP * scale;
        double events = (TimelineFrame.HEIGHT - TimelineFrame.ATTEMPT_TOP - 2) * scale // from attempts down
                + (accelerators ? (TimelineFrame.ACCELERATOR_HEIGHT + FrameLayout.GAP) * scale : 0);
        double state = Math.max(TimelineFrame.STATE_HEIGHT * scale, bottom - top - events - gap);
        double y = top + state + gap;
        Rectangle2D inUse = null;
        if (accelerators) {
            inUse = box(x, width, y, TimelineFrame.ACCELERATOR_HEIGHT * scale);
            y = inUse.getMaxY() + gap;
        }
        Rectangle2D attempts = box(x, width, y, TimelineFrame.ATTEMPT_HEIGHT * scale);
        y = attempts.getMaxY() + gap;
        Rectangle2D faults = box(x, width, y, TimelineFrame.FAULT_HEIGHT * scale);
        y = faults.getMaxY() + gap;
        Rectangle2D checkpoints = box(x, width, y, TimelineFrame.CHECKPOINT_HEIGHT * scale);
        y = checkpoints.getMaxY() + gap;
        return new TimelineLaneBoxes(box(x, width, top, state), inUse, attempts, faults, checkpoints,
                box(x, width, y, TimelineFrame.STEP_HEIGHT * scale));
    }

    private static Rectangle2D box(double x, double width, double y, double height) {
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** The lanes shown, top to bottom, matching {@link #labels()}. */
    public List<Rectangle2D> all() {
        List<Rectangle2D> out = new ArrayList<>(List.of(state, attempts, faults, checkpoints, steps));
        if (accelerators != null) {
            out.add(1, accelerators);
        }
        return out;
    }

    /** The labels of the lanes shown, in the order of {@link #all()}. */
    public List<String> labels() {
        List<String> out = new ArrayList<>(LABELS);
        if (accelerators == null) {
            out.remove(1);
        }
        return out;
    }

    public double top() {
        return state.getY();
    }

    public double bottom() {
        return steps.getMaxY();
    }
}
