package dev.goodput.core.attribution;

import dev.goodput.core.derive.ImmutableIntervals;
import dev.goodput.core.derive.Interval;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The attributed partition as an immutable list that shares its unchanged parts with the version before an edit:
 * the pieces are kept in chunks of {@link #CHUNK} base intervals, so a new version copies only the chunks an edit
 * touched and costs O(chunks), not O(pieces). Two versions of one attribution tell where they differ
 * ({@link #differences}) from the chunks' references and the pieces' identities, which lets the table and the
 * timeline follow an edit's footprint instead of rebuilding.
 */
public final class AttributedPartition extends AbstractList<AttributedInterval> implements RandomAccess {
    /** Base intervals per chunk: small enough that an edit copies little, large enough that versions are cheap. */
    static final int CHUNK = 256;

    private final AttributedInterval[][] chunks;
    /** first[j]: the index of chunk j's first piece; first[chunks.length] is the size. */
    private final int[] first;
    /** The attribution the versions come from: only versions of one attribution are compared. */
    private final Object lineage;

    /** @param chunks never changed afterwards (each version's own or shared with other versions) */
    AttributedPartition(AttributedInterval[][] chunks, Object lineage) {
        this.chunks = chunks;
        this.lineage = lineage;
        this.first = new int[chunks.length + 1];
        for (int j = 0; j < chunks.length; j++) {
            first[j + 1] = first[j] + chunks[j].length;
        }
    }

    @Override
    public AttributedInterval get(int index) {
        Objects.checkIndex(index, size());
        int j = chunkOf(index);
        return chunks[j][index - first[j]];
    }

    @Override
    public int size() {
        return first[chunks.length];
    }

    /** Each chunk holds at least {@link #CHUNK} pieces but the last, so the chunk is at most index / CHUNK. */
    private int chunkOf(int index) {
        int hi = Math.min(index / CHUNK, chunks.length - 1);
        if (first[hi] <= index) {
            return hi;
        }
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public Iterator<AttributedInterval> iterator() {
        return new Iterator<>() {
            private int chunk;
            private int at;

            @Override
            public boolean hasNext() {
                while (chunk < chunks.length && at == chunks[chunk].length) {
                    chunk++;
                    at = 0;
                }
                return chunk < chunks.length;
            }

            @Override
            public AttributedInterval next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunks[chunk][at++];
            }
        };
    }

    /** The pieces' intervals, as a derivation's (kept without a copy). */
    public ImmutableIntervals asIntervals() {
        return new Intervals(this);
    }

    /** Where two versions differ: the pieces [oldFrom, oldTo) of the one before were replaced by [newFrom, newTo). */
    public record Difference(int oldFrom, int oldTo, int newFrom, int newTo) {
    }

    /**
     * Where {@code after} differs from {@code before}, range by range in time order (an edit may change places far
     * apart: rows tagged at once, a rule); an empty list when they are the same; empty when they are not versions of
     * one attribution (this list or its {@linkplain #asIntervals() intervals}), so a caller must rebuild.
     */
    public static Optional<List<Difference>> differences(List<?> before, List<?> after) {
        AttributedPartition a = of(before);
        AttributedPartition b = of(after);
        if (a == null || b == null || a.lineage != b.lineage || a.chunks.length != b.chunks.length) {
            return Optional.empty();
        }
        List<Difference> out = new ArrayList<>();
        int n = a.chunks.length;
        for (int j = 0; j < n; j++) {
            if (a.chunks[j] == b.chunks[j]) {
                continue;
            }
            int k = j;
            while (k + 1 < n && a.chunks[k + 1] != b.chunks[k + 1]) {
                k++;
            }
            Difference d = narrowed(a, b, j, k);
            if (d != null) {
                out.add(d);
            }
            j = k;
        }
        return Optional.of(out);
    }

    /** The chunks [j, k] differ: the pieces in them that are not the same objects, from both ends; null if none. */
    private static Difference narrowed(AttributedPartition a, AttributedPartition b, int j, int k) {
        int oldFrom = a.first[j];
        int newFrom = b.first[j];
        int oldTo = a.first[k + 1];
        int newTo = b.first[k + 1];
        while (oldFrom < oldTo && newFrom < newTo && a.get(oldFrom) == b.get(newFrom)) {
            oldFrom++;
            newFrom++;
        }
        while (oldTo > oldFrom && newTo > newFrom && a.get(oldTo - 1) == b.get(newTo - 1)) {
            oldTo--;
            newTo--;
        }
        return oldFrom == oldTo && newFrom == newTo ? null : new Difference(oldFrom, oldTo, newFrom, newTo);
    }

    private static AttributedPartition of(List<?> list) {
        if (list instanceof AttributedPartition p) {
            return p;
        }
        return list instanceof Intervals i ? i.pieces : null;
    }

    /** The pieces' intervals, as a view (the pieces never change). */
    private static final class Intervals extends ImmutableIntervals {
        private final AttributedPartition pieces;

        Intervals(AttributedPartition pieces) {
            this.pieces = pieces;
        }

        @Override
        public Interval get(int index) {
            return pieces.get(index).interval();
        }

        @Override
        public int size() {
            return pieces.size();
        }

        @Override
        public Iterator<Interval> iterator() {
            Iterator<AttributedInterval> it = pieces.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Interval next() {
                    return it.next().interval();
                }
            };
        }
    }
}
