package dev.goodput.chart.colour;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CIEDE2000 against the 34 test pairs of Sharma, Wu and Dalal (2005), Table 1, given to 4 decimals; and the
 * deuteranopia simulation on colours whose fate is known: red and green that differ only in hue become alike.
 */
class Ciede2000Test {
    /** L1, a1, b1, L2, a2, b2, ΔE00 (Sharma et al. 2005, Table 1). */
    private static final double[][] SHARMA = {
            {50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
            {50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
            {50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412},
            {50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000},
            {50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000},
            {50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000},
            {50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
            {50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195},
            {50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
            {50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045},
            {50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461},
            {50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065},
            {50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
            {50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977},
            {50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
            {50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535},
            {50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000},
            {50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000},
            {50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000},
            {50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000},
            {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
            {63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
            {61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731},
            {35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645},
            {22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
            {36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146},
            {90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441},
            {90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
            {6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377},
            {2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
    };

    @Test
    void matchesEveryPublishedPairToFourDecimalsBothWays() {
        assertEquals(34, SHARMA.length);
        for (int i = 0; i < SHARMA.length; i++) {
            double[] p = SHARMA[i];
            double[] lab1 = {p[0], p[1], p[2]};
            double[] lab2 = {p[3], p[4], p[5]};
            assertEquals(p[6], Ciede2000.difference(lab1, lab2), 5e-5, "pair " + (i + 1));
            assertEquals(p[6], Ciede2000.difference(lab2, lab1), 5e-5, "pair " + (i + 1) + " reversed");
        }
    }

    @Test
    void srgbWhiteAndBlackAreTheEndsOfLightness() {
        double[] white = Ciede2000.lab(0xFFFFFFFF);
        double[] black = Ciede2000.lab(0xFF000000);
        assertEquals(100, white[0], 1e-3);
        assertEquals(0, white[1], 1e-2);
        assertEquals(0, white[2], 1e-2);
        assertEquals(0, black[0], 1e-9);
        // sRGB red: L* 53.24, a* 80.09, b* 67.20 (the usual D65 reference values).
        double[] red = Ciede2000.lab(0xFFFF0000);
        assertEquals(53.24, red[0], 0.01);
        assertEquals(80.09, red[1], 0.01);
        assertEquals(67.20, red[2], 0.01);
    }

    @Test
    void deuteranopesLoseRedAgainstGreenButKeepBlueAgainstYellow() {
        // Okabe–Ito vermillion and bluish green: far apart in normal vision; the simulation keeps them apart by
        // lightness but by much less. A red and a green of equal luminance collapse almost to one colour.
        int red = 0xFFB0592C;
        int green = 0xFF6A7D2A;
        assertTrue(Ciede2000.difference(red, green) > 20);
        assertTrue(Ciede2000.difference(Deuteranopia.lab(red), Deuteranopia.lab(green)) < 6,
                () -> "" + Ciede2000.difference(Deuteranopia.lab(red), Deuteranopia.lab(green)));
        assertTrue(ColourDistance.of(0xFF0072B2, 0xFFF0E442) > 40); // blue and yellow: apart for everyone
        // Grey is unchanged: the matrix's rows sum to 1.
        assertEquals(0xFF808080, Deuteranopia.simulate(0xFF808080));
    }
}
