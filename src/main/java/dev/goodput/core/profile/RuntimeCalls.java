package dev.goodput.core.profile;

import java.util.Arrays;

/**
 * Host-side launch calls ({@code cuda_runtime}/{@code cuda_driver}, e.g. cudaLaunchKernel) by correlation id:
 * when each GPU event was asked for, which decides whether an idle gap was the host's fault.
 */
public final class RuntimeCalls {
    private final long[] correlation;
    private final long[] startNs;
    private final long[] endNs;

    private RuntimeCalls(long[] correlation, long[] startNs, long[] endNs) {
        this.correlation = correlation;
        this.startNs = startNs;
        this.endNs = endNs;
    }

    public int size() {
        return correlation.length;
    }

    /** Index of the call with this correlation id, or -1. */
    public int find(long correlationId) {
        int i = Arrays.binarySearch(correlation, correlationId);
        return i >= 0 ? i : -1;
    }

    public long startNs(int i) {
        return startNs[i];
    }

    public long endNs(int i) {
        return endNs[i];
    }

    /** Collects calls; {@link #build()} sorts them by correlation id. */
    public static final class Builder {
        private long[] correlation = new long[1024];
        private long[] startNs = new long[1024];
        private long[] endNs = new long[1024];
        private int size;

        public Builder add(long correlationId, long start, long end) {
            if (size == correlation.length) {
                correlation = Arrays.copyOf(correlation, size * 2);
                startNs = Arrays.copyOf(startNs, size * 2);
                endNs = Arrays.copyOf(endNs, size * 2);
            }
            correlation[size] = correlationId;
            startNs[size] = start;
            endNs[size] = end;
            size++;
            return this;
        }

        public RuntimeCalls build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(correlation[a], correlation[b]));
            long[] c = new long[size];
            long[] s = new long[size];
            long[] e = new long[size];
            for (int i = 0; i < size; i++) {
                c[i] = correlation[order[i]];
                s[i] = startNs[order[i]];
                e[i] = endNs[order[i]];
            }
            return new RuntimeCalls(c, s, e);
        }
    }
}
