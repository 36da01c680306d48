package dev.goodput.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GPU activity of one rank (kernels, memcpy, memset) as primitive columns sorted by start: traces of
 * millions of kernels stay compact. Times are trace nanoseconds. Immutable once built.
 */
public final class GpuEvents {
    private final long[] startNs;
    private final long[] endNs;
    private final int[] stream;
    private final int[] device;
    private final byte[] kind;
    private final int[] name;
    private final long[] correlation;
    private final int[] seq;
    private final List<String> names;

    private GpuEvents(long[] startNs, long[] endNs, int[] stream, int[] device, byte[] kind, int[] name,
                      long[] correlation, int[] seq, List<String> names) {
        this.startNs = startNs;
        this.endNs = endNs;
        this.stream = stream;
        this.device = device;
        this.kind = kind;
        this.name = name;
        this.correlation = correlation;
        this.seq = seq;
        this.names = List.copyOf(names);
    }

    public int size() {
        return startNs.length;
    }

    public long startNs(int i) {
        return startNs[i];
    }

    public long endNs(int i) {
        return endNs[i];
    }

    public int stream(int i) {
        return stream[i];
    }

    public int device(int i) {
        return device[i];
    }

    public GpuEventKind kind(int i) {
        return GpuEventKind.values()[kind[i]];
    }

    public String name(int i) {
        return names.get(name[i]);
    }

    /** Index of the name in {@link #names()}: equal names share an index. */
    public int nameIndex(int i) {
        return name[i];
    }

    public List<String> names() {
        return names;
    }

    /** The CUPTI correlation id linking the event to its launching runtime call, or -1. */
    public long correlation(int i) {
        return correlation[i];
    }

    /** The event's position in the input, for "order of first appearance" rules. */
    public int seq(int i) {
        return seq[i];
    }

    /** Collects events in any order; {@link #build()} sorts them by start. */
    public static final class Builder {
        private long[] startNs = new long[1024];
        private long[] endNs = new long[1024];
        private int[] stream = new int[1024];
        private int[] device = new int[1024];
        private byte[] kind = new byte[1024];
        private int[] name = new int[1024];
        private long[] correlation = new long[1024];
        private int[] seq = new int[1024];
        private int size;
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> nameIds = new HashMap<>();

        public Builder add(long start, long end, int streamId, int deviceId, GpuEventKind k, String eventName,
                           long correlationId) {
            if (size == startNs.length) {
                int n = size * 2;
                startNs = Arrays.copyOf(startNs, n);
                endNs = Arrays.copyOf(endNs, n);
                stream = Arrays.copyOf(stream, n);
                device = Arrays.copyOf(device, n);
                kind = Arrays.copyOf(kind, n);
                name = Arrays.copyOf(name, n);
                correlation = Arrays.copyOf(correlation, n);
                seq = Arrays.copyOf(seq, n);
            }
            startNs[size] = start;
            endNs[size] = Math.max(start, end);
            stream[size] = streamId;
            device[size] = deviceId;
            kind[size] = (byte) k.ordinal();
            name[size] = nameIds.computeIfAbsent(eventName, x -> {
                names.add(x);
                return names.size() - 1;
            });
            correlation[size] = correlationId;
            seq[size] = size;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public GpuEvents build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : startNs[a] != startNs[b]
                    ? Long.compare(startNs[a], startNs[b]) : Long.compare(endNs[a], endNs[b]));
            long[] s = new long[size];
            long[] e = new long[size];
            int[] st = new int[size];
            int[] d = new int[size];
            byte[] k = new byte[size];
            int[] nm = new int[size];
            long[] c = new long[size];
            int[] q = new int[size];
            for (int i = 0; i < size; i++) {
                int r = order[i];
                q[i] = seq[r];
                s[i] = startNs[r];
                e[i] = endNs[r];
                st[i] = stream[r];
                d[i] = device[r];
                k[i] = kind[r];
                nm[i] = name[r];
                c[i] = correlation[r];
            }
            return new GpuEvents(s, e, st, d, k, nm, c, q, names);
        }
    }
}
