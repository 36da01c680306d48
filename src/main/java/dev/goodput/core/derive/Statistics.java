package dev.goodput.core.derive;

import java.util.Arrays;

/** Order statistics over primitive arrays (median, MAD, percentiles); the *InPlace ones rearrange their input. */
final class Statistics {
    /** Scales a MAD to estimate a standard deviation for normally distributed data. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Statistics() {
    }

    static double median(long[] values) {
        return medianInPlace(values.clone());
    }

    /** The median of {@code v}, rearranging it; what {@link #medianOfSorted(long[])} of it sorted gives, in O(n). */
    static double medianInPlace(long[] v) {
        return medianInPlace(v, v.length);
    }

    /** {@link #medianInPlace(long[])} of the first {@code n} values (a scratch array not trimmed to them). */
    static double medianInPlace(long[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        long upper = select(v, n, n / 2);
        return n % 2 == 1 ? upper : (maxBelow(v, n / 2) + (double) upper) / 2.0;
    }

    /** As {@link #medianInPlace(long[])}, for doubles (no NaN). */
    static double medianInPlace(double[] v) {
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        double upper = select(v, n / 2);
        return n % 2 == 1 ? upper : (maxBelow(v, n / 2) + upper) / 2.0;
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
        return medianInPlace(dev);
    }

    /** Median absolute deviation of doubles from {@code center} (unscaled). */
    static double mad(double[] values, double center) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - center);
        }
        return medianInPlace(dev);
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

    /** {@link #percentileOfSorted} of {@code v} sorted, rearranging {@code v} instead of sorting it. */
    static double percentileInPlace(long[] v, double p) {
        return percentileInPlace(v, p, 0);
    }

    /**
     * {@link #percentileInPlace(long[], double)} of values already partitioned at {@code partitioned} (every value
     * before it at most every value from it on, as a select at that index leaves them: the median's, or a lower
     * percentile's): a percentile at or above it looks only at the values from there.
     */
    static double percentileInPlace(long[] v, double p, int partitioned) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = (v.length - 1) * p / 100.0;
        int lo = percentileIndex(v.length, p);
        long low = select(v, lo >= partitioned ? partitioned : 0, v.length, lo);
        long high = lo + 1 < v.length ? minFrom(v, lo + 1) : low;
        return low + (high - (double) low) * (pos - lo);
    }

    /** The index {@link #percentileInPlace} selects for percentile {@code p} of {@code n} values (and partitions at). */
    static int percentileIndex(int n, double p) {
        return (int) Math.floor((n - 1) * p / 100.0);
    }

    /*
     * Selection: the k-th smallest value in O(n) on average (Hoare's partitions, median-of-three pivots), leaving
     * every smaller index at most and every larger index at least that value, as a sort would; past a depth bound
     * the rest is sorted, so the worst case stays O(n log n). A million step times cost a few passes, not a sort.
     */

    static long select(long[] a, int k) {
        return select(a, a.length, k);
    }

    /** {@link #select(long[], int)} among the first {@code n} values. */
    static long select(long[] a, int n, int k) {
        return select(a, 0, n, k);
    }

    /**
     * {@link #select(long[], int)} among the first {@code n} values, of which those before {@code from} are known to
     * be at most those from it on ({@code k >= from}; a select at {@code from} leaves them so): only these are looked at.
     */
    private static long select(long[] a, int from, int n, int k) {
        int lo = from;
        int hi = n - 1;
        int budget = 3 * (32 - Integer.numberOfLeadingZeros(n - lo)) + 8;
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k]; // between the parts: equal to the pivot
            }
        }
        return a[k];
    }

    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int budget = 3 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static long maxBelow(long[] a, int to) {
        long m = a[0];
        for (int i = 1; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    private static double maxBelow(double[] a, int to) {
        double m = a[0];
        for (int i = 1; i < to; i++) {
            if (a[i] > m) {
                m = a[i];
            }
        }
        return m;
    }

    private static long minFrom(long[] a, int from) {
        long m = a[from];
        for (int i = from + 1; i < a.length; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
