package dev.goodput.core.derive;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Selection gives exactly what sorting gave (the median, MAD and percentiles the report prints), on arrays with
 * many ties, sorted and reversed runs, and wide values; and leaves the array partitioned around the value selected.
 */
class OrderStatisticsProperties {
    @Property(tries = 400)
    void selectionEqualsSorting(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] v = values(r);
        long[] sorted = v.clone();
        Arrays.sort(sorted);
        assertEquals(Statistics.medianOfSorted(sorted), Statistics.median(v));
        // in a scratch array longer than the values: what lies after them is neither read nor moved
        long[] scratch = Arrays.copyOf(v, v.length + 1 + r.nextInt(5));
        Arrays.fill(scratch, v.length, scratch.length, r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
        long[] after = Arrays.copyOfRange(scratch, v.length, scratch.length);
        assertEquals(Statistics.medianOfSorted(sorted), Statistics.medianInPlace(scratch, v.length));
        assertEquals(Arrays.toString(after), Arrays.toString(Arrays.copyOfRange(scratch, v.length, scratch.length)));
        for (double p : new double[] {0, 1, 50, 90, 99, 99.9, 100, r.nextDouble() * 100}) {
            assertEquals(Statistics.percentileOfSorted(sorted, p), Statistics.percentileInPlace(v.clone(), p), "p" + p);
        }
        // one after another, each looking only above the last one's index, as the step statistics take them
        long[] chain = v.clone();
        Statistics.medianInPlace(chain);
        int partitioned = chain.length / 2;
        double[] ascending = {50 + r.nextDouble() * 10, 90, 99, 99 + r.nextDouble()};
        for (double p : ascending) {
            assertEquals(Statistics.percentileOfSorted(sorted, p), Statistics.percentileInPlace(chain, p, partitioned),
                    "p" + p + " after the lower ones");
            partitioned = Statistics.percentileIndex(chain.length, p);
        }
        double median = Statistics.medianOfSorted(sorted);
        double[] dev = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - median);
        }
        Arrays.sort(dev);
        assertEquals(Statistics.medianOfSorted(dev), Statistics.mad(v, median));
        double[] asDoubles = Arrays.stream(v).asDoubleStream().toArray();
        assertEquals(Statistics.medianOfSorted(dev), Statistics.mad(asDoubles, median));
        double[] sortedDoubles = asDoubles.clone();
        Arrays.sort(sortedDoubles);
        assertEquals(Statistics.medianOfSorted(sortedDoubles), Statistics.medianInPlace(asDoubles.clone()));
        int k = r.nextInt(v.length);
        long[] a = v.clone();
        long kth = Statistics.select(a, k);
        assertEquals(sorted[k], kth);
        for (int i = 0; i < a.length; i++) {
            assertTrue(i < k ? a[i] <= kth : i == k || a[i] >= kth, "partitioned around the k-th");
        }
    }

    private static long[] values(SplittableRandom r) {
        int n = 1 + r.nextInt(r.nextBoolean() ? 20 : 3000);
        long[] v = new long[n];
        int shape = r.nextInt(5);
        long spread = shape == 0 ? 3 : shape == 1 ? Long.MAX_VALUE / 4 : 1 + r.nextInt(1_000_000);
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 2 -> i; // sorted
                case 3 -> n - i; // reversed
                default -> r.nextLong(spread);
            };
        }
        return v;
    }
}
