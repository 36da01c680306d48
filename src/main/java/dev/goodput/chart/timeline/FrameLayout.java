package dev.goodput.chart.timeline;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a frame's lanes go, in pixel rows from the frame's top: the lanes shown, each at least its minimum height, a
 * gap between neighbours, and the height left over shared out: most to the run state, some to the step times (a
 * taller strip, with room for its scale) and to the accelerators in use. A hidden lane takes no rows and leaves no gap.
 */
public final class FrameLayout {
    public static final int GAP = 6;
    /** Share of the extra height the step-time lane gets, up to {@link #STEP_MAX}; the run state takes the rest. */
    static final double STEP_SHARE = 0.15;
    static final int STEP_MAX = 40;
    static final double ACCELERATOR_SHARE = 0.08;
    static final int ACCELERATOR_MAX = 32;

    /** The frame with every lane at its minimum height (what {@link TimelineFrame}'s constants say). */
    public static final FrameLayout STANDARD = of(EnumSet.allOf(FrameLane.class), 0);

    private final int[] top = new int[FrameLane.values().length];
    private final int[] height = new int[FrameLane.values().length];
    private final int total;

    private FrameLayout(Set<FrameLane> shown, int available) {
        int min = minimumHeight(shown);
        int extra = Math.max(0, available - min);
        int y = 0;
        for (FrameLane lane : FrameLane.values()) {
            if (!shown.contains(lane)) {
                top[lane.ordinal()] = y;
                continue;
            }
            if (y > 0) {
                y += GAP;
            }
            int h = minimum(lane);
            if (lane == FrameLane.STEPS) {
                h += (int) Math.min(STEP_MAX - h, Math.max(0, extra * STEP_SHARE));
            } else if (lane == FrameLane.ACCELERATORS) {
                h += (int) Math.min(ACCELERATOR_MAX - h, Math.max(0, extra * ACCELERATOR_SHARE));
            }
            top[lane.ordinal()] = y;
            height[lane.ordinal()] = h;
            y += h;
        }
        // The run state takes whatever the others left: shift everything under it down.
        if (shown.contains(FrameLane.STATE)) {
            int more = Math.max(0, available - (y + 2));
            height[FrameLane.STATE.ordinal()] += more;
            for (FrameLane lane : FrameLane.values()) {
                if (lane != FrameLane.STATE) {
                    top[lane.ordinal()] += more;
                }
            }
            y += more;
        }
        total = y + 2;
    }

    /** {@code shown} lanes fitted to {@code available} rows (at least their minimum heights). */
    public static FrameLayout of(Set<FrameLane> shown, int available) {
        return new FrameLayout(shown, available);
    }

    /** The lanes' minimum heights, with gaps, and two rows under the last. */
    public static int minimumHeight(Set<FrameLane> shown) {
        int h = 0;
        for (FrameLane lane : shown) {
            h += minimum(lane) + (h > 0 ? GAP : 0);
        }
        return h + 2;
    }

    public static int minimum(FrameLane lane) {
        return switch (lane) {
            case STATE -> 64;
            case ACCELERATORS -> 16;
            case ATTEMPTS -> 14;
            case FAULTS -> 12;
            case CHECKPOINTS -> 10;
            case STEPS -> 24;
        };
    }

    public int top(FrameLane lane) {
        return top[lane.ordinal()];
    }

    /** The lane's height; 0 when hidden. */
    public int height(FrameLane lane) {
        return height[lane.ordinal()];
    }

    public boolean shown(FrameLane lane) {
        return height[lane.ordinal()] > 0;
    }

    /** Rows of the whole frame. */
    public int height() {
        return total;
    }
}
