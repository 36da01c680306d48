package dev.goodput.core.derive;

import java.util.Arrays;

/** Order statistics over primitive arrays (median, MAD, percentiles); inputs are not modified. */
final class Statistics {
    /** Scales a MAD to estimate a standard deviation for normally distributed data. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Statistics() {
    }

    static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return medianOfSorted(v);
    }

    static double medianOfSorted(long[] v) {
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + (double) v[n / 2]) / 2.0;
    }

    static double medianOfSorted(double[] v) {
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /** Median absolute deviation from {@code center} (unscaled). */
    static double mad(long[] values, double center) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - center);
        }
        Arrays.sort(dev);
        return medianOfSorted(dev);
    }

    /** Median absolute deviation of doubles from {@code center} (unscaled). */
    static double mad(double[] values, double center) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - center);
        }
        Arrays.sort(dev);
        return medianOfSorted(dev);
    }

    /** Linear-interpolated percentile (p in [0, 100]) of sorted values. */
    static double percentileOfSorted(long[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = (v.length - 1) * p / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (v[hi] - (double) v[lo]) * (pos - lo);
    }
}
