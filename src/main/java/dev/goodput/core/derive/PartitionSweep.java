package dev.goodput.core.derive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Resolves overlapping claims into a partition of the window: one sweep over the sorted boundaries with
 * a priority queue of active claims (O(n log n)); the highest-ranked claim wins each elementary segment.
 */
final class PartitionSweep {
    private static final Comparator<Claim> WINNER_FIRST = Comparator
            .comparing(Claim::rank).reversed()
            .thenComparingInt(Claim::seq);

    private PartitionSweep() {
    }

    /** @param claims must include one covering the whole window, so no instant is left without a state */
    static List<Interval> sweep(List<Claim> claims, Window w) {
        List<Claim> clipped = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            long s = Math.max(c.start(), w.startUs());
            long e = Math.min(c.end(), w.endUs());
            if (e > s) {
                clipped.add(s == c.start() && e == c.end() ? c
                        : new Claim(s, e, c.rank(), c.state(), c.inUse(), c.hotSpares(), c.source(), c.group(),
                                c.seq(), c.steps()));
            }
        }
        clipped.sort(Comparator.comparingLong(Claim::start));
        long[] bounds = new long[clipped.size() * 2];
        int k = 0;
        for (Claim c : clipped) {
            bounds[k++] = c.start();
            bounds[k++] = c.end();
        }
        Arrays.sort(bounds);
        int unique = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (unique == 0 || bounds[i] != bounds[unique - 1]) {
                bounds[unique++] = bounds[i];
            }
        }
        List<Interval> out = new ArrayList<>();
        PriorityQueue<Claim> active = new PriorityQueue<>(WINNER_FIRST);
        int next = 0;
        Claim lastWinner = null;
        for (int b = 0; b + 1 < unique; b++) {
            long t = bounds[b];
            while (next < clipped.size() && clipped.get(next).start() <= t) {
                active.add(clipped.get(next++));
            }
            while (!active.isEmpty() && active.peek().end() <= t) {
                active.poll();
            }
            Claim win = active.peek();
            if (win == null) {
                throw new IllegalStateException("no claim covers " + t + "; the window base claim is missing");
            }
            long segEnd = bounds[b + 1];
            int last = out.size() - 1;
            if (last >= 0 && lastWinner != null && mergeable(lastWinner, win) && out.get(last).endUs() == t) {
                Interval prev = out.get(last);
                out.set(last, new Interval(prev.startUs(), segEnd, prev.state(), prev.acceleratorsInUse(),
                        prev.source(), prev.hotSpares()));
            } else {
                out.add(new Interval(t, segEnd, win.state(), win.inUse(), win.sourceAt(t), win.hotSpares()));
            }
            lastWinner = win;
        }
        return out;
    }

    private static boolean mergeable(Claim a, Claim b) {
        return a == b || (a.group() != null && a.group() == b.group() && a.state().equals(b.state())
                && a.inUse() == b.inUse() && a.hotSpares() == b.hotSpares());
    }
}
