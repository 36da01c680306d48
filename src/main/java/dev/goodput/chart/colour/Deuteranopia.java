package dev.goodput.chart.colour;

/**
 * How a deuteranope sees an sRGB colour: the simulation of G. M. Machado, M. M. Oliveira and L. A. F. Fernandes
 * ("A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009), its matrix for
 * deuteranopia at severity 1.0, applied to linear-light RGB (as colorspacious and DaltonLens apply it).
 */
public final class Deuteranopia {
    private static final double[][] MACHADO_DEUTERANOPIA = {
            {0.367322, 0.860646, -0.227968},
            {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881},
    };

    private Deuteranopia() {
    }

    /** CIELAB (D65) of the colour a deuteranope sees for {@code rgb}. */
    public static double[] lab(int rgb) {
        double[] v = simulatedLinear(rgb);
        return Ciede2000.labOfLinear(v[0], v[1], v[2]);
    }

    /** The simulated colour as 8-bit sRGB (opaque ARGB), e.g. to look at a palette as a deuteranope would. */
    public static int simulate(int rgb) {
        int out = 0xFF;
        for (double v : simulatedLinear(rgb)) {
            double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
            out = (out << 8) | (int) Math.round(s * 255);
        }
        return out;
    }

    private static double[] simulatedLinear(int rgb) {
        double[] in = {Ciede2000.linear((rgb >> 16) & 0xFF), Ciede2000.linear((rgb >> 8) & 0xFF),
                Ciede2000.linear(rgb & 0xFF)};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = 0;
            for (int j = 0; j < 3; j++) {
                v += MACHADO_DEUTERANOPIA[i][j] * in[j];
            }
            out[i] = Math.min(1, Math.max(0, v)); // the matrix may leave the gamut a little: clip, as the paper does
        }
        return out;
    }
}
