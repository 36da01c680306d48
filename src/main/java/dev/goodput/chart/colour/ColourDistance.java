package dev.goodput.chart.colour;

/**
 * Whether two colours shown together are told apart: CIEDE2000 of at least {@link #MINIMUM} both as they are and as
 * a deuteranope sees them (the commonest colour-vision deficiency).
 */
public final class ColourDistance {
    /** The least ΔE00 between two causes drawn together (issue 13). */
    public static final double MINIMUM = 10;

    private ColourDistance() {
    }

    /** The smaller of the normal and the deuteranope's ΔE00. */
    public static double of(int rgb1, int rgb2) {
        return Math.min(Ciede2000.difference(rgb1, rgb2),
                Ciede2000.difference(Deuteranopia.lab(rgb1), Deuteranopia.lab(rgb2)));
    }

    public static boolean distinct(int rgb1, int rgb2) {
        return of(rgb1, rgb2) >= MINIMUM;
    }
}
