package dev.goodput.chart.timeline;

import dev.goodput.core.model.Layer;

/**
 * Colours for run states, safe for colour-blind readers and shared by the screen and exports: the
 * Okabe–Ito palette's hues, one per layer (productive bluish green, infra vermillion/orange, framework
 * blue/sky blue, model reddish purple), with causes inside a layer told apart by lightness.
 */
public final class StatePalette {
    /** ARGB of productive time (Okabe–Ito bluish green). */
    public static final int PRODUCTIVE = 0xFF009E73;
    private static final int[][] LAYER_SHADES = {
            {0xFFD55E00, 0xFFE69F00, 0xFFB34700, 0xFFF0B94D, 0xFF8C3A00, 0xFFF5CC80}, // infra: vermillion, orange
            {0xFF0072B2, 0xFF56B4E9, 0xFF00507D, 0xFF8ACDF2, 0xFF2B8CC4, 0xFFB9E1F7}, // framework: blues
            {0xFFCC79A7, 0xFFE3A9C8, 0xFFA3517F, 0xFFF0D0E2, 0xFF7F3D63, 0xFFD890B8}, // model: reddish purples
    };
    /** Background of lanes with nothing to show. */
    public static final int EMPTY = 0x00000000;

    private StatePalette() {
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
