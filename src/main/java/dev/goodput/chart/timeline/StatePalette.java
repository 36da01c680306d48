package dev.goodput.chart.timeline;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

/**
 * Colours for run states, safe for colour-blind readers and shared by the screen and exports: the
 * Okabe–Ito palette's hues, one per layer (productive bluish green, infra vermillion/orange, framework
 * blue/sky blue, model reddish purple), with causes inside a layer told apart by lightness. Most causes take
 * their layer's shades in rank order; a cause drawn outside the state lane too (slow steps, on the step-time
 * lane) has a colour of its own, which no other cause takes, so the waterfall and the timeline agree.
 */
public final class StatePalette {
    /** ARGB of productive time (Okabe–Ito bluish green). */
    public static final int PRODUCTIVE = 0xFF009E73;
    private static final int[][] LAYER_SHADES = {
            {0xFFD55E00, 0xFFE69F00, 0xFFB34700, 0xFFF0B94D, 0xFF8C3A00, 0xFFF5CC80}, // infra: vermillion, orange
            {0xFF0072B2, 0xFF56B4E9, 0xFF00507D, 0xFF8ACDF2, 0xFF2B8CC4, 0xFFB9E1F7}, // framework: blues
            {0xFFCC79A7, 0xFFE3A9C8, 0xFFF0D0E2, 0xFF7F3D63, 0xFFD890B8}, // model: reddish purples
    };
    /**
     * Slow steps' excess ({@code slow_steps}), on the waterfall and the step-time lane: a deep reddish purple, clear
     * on the light and the dark theme's background, and apart from the step strip's oranges and the anomalous
     * steps' black.
     */
    public static final int SLOW_STEPS = 0xFFA3517F;
    /** Background of lanes with nothing to show. */
    public static final int EMPTY = 0x00000000;

    private StatePalette() {
    }

    /**
     * The colour of a cause that has one of its own, whatever its rank; 0 for the others, which take
     * {@link #cause(Layer, int)} by their rank among them.
     */
    public static int own(Layer layer, String cause) {
        return layer == CauseCatalog.SLOW_STEPS.layer() && CauseCatalog.SLOW_STEPS.id().equals(cause) ? SLOW_STEPS : 0;
    }

    /** The colour of the {@code index}-th cause (by lost time, largest first) in {@code layer}. */
    public static int cause(Layer layer, int index) {
        int[] shades = LAYER_SHADES[layer.ordinal()];
        return shades[Math.floorMod(index, shades.length)];
    }

    /** The layer's main colour, e.g. for legends and layer totals. */
    public static int layer(Layer layer) {
        return LAYER_SHADES[layer.ordinal()][0];
    }
}
