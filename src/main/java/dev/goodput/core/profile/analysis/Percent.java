package dev.goodput.core.profile.analysis;

/** Percentages rounded as numpy/pandas do ({@code rint(x · 10^d) / 10^d}), so tables match HTA's. */
final class Percent {
    private Percent() {
    }

    static double of(double part, double whole, int decimals) {
        if (whole == 0) {
            return Double.NaN;
        }
        return round(100.0 * (part / whole), decimals);
    }

    static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.rint(x * f) / f;
    }
}
