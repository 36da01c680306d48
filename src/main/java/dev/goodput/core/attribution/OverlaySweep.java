package dev.goodput.core.attribution;

import dev.goodput.core.derive.Interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Re-attributes chosen base intervals under an overlay in one walk in time order. Tags overlapping the
 * walked span are sorted by start and kept in an active set as the walk passes them, so each interval sees
 * only the tags over it; each enabled rule's selection is searched from where the previous interval left
 * off. Cost: the chosen intervals plus the tags near them, not the whole run.
 */
final class OverlaySweep {
    /** Receives the new pieces of each chosen lost interval (null: as imported). */
    @FunctionalInterface
    interface Sink {
        void accept(int index, AttributedInterval[] pieces);
    }

    private final List<Interval> intervals;
    private final RuleMatcher matcher;
    private final IntervalAttributor attributor = new IntervalAttributor();

    OverlaySweep(List<Interval> intervals, RuleMatcher matcher) {
        this.intervals = intervals;
        this.matcher = matcher;
    }

    /** @param chosen base interval indices; productive ones are passed over */
    void run(Overlay overlay, BitSet chosen, Sink sink) {
        if (chosen.isEmpty()) {
            return;
        }
        List<Rule> rules = overlay.rules().stream().filter(Rule::enabled).toList();
        int[][] selections = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            selections[r] = matcher.matches(rules.get(r));
        }
        int[] cursors = new int[rules.size()];
        List<Tag> tags = overlay.tags();
        int[] candidates = candidates(tags, intervals.get(chosen.nextSetBit(0)).startUs(),
                intervals.get(chosen.length() - 1).endUs());
        int[] active = new int[candidates.length]; // overlay positions of the tags over the walk, ascending
        int activeCount = 0;
        int next = 0;
        List<Rule> applying = new ArrayList<>();
        List<Tag> over = new ArrayList<>();
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            Interval iv = intervals.get(i);
            if (iv.productive()) {
                continue;
            }
            boolean changed = false;
            while (next < candidates.length && tags.get(candidates[next]).startUs() < iv.endUs()) {
                active[activeCount++] = candidates[next++];
                changed = true;
            }
            int kept = 0;
            for (int a = 0; a < activeCount; a++) {
                if (tags.get(active[a]).endUs() > iv.startUs()) { // else it ended before: drop it for good
                    active[kept++] = active[a];
                }
            }
            changed |= kept < activeCount;
            activeCount = kept;
            if (changed) { // most intervals of a long walk see the same tags as the one before
                Arrays.sort(active, 0, activeCount); // overlay order: later tags win
                over.clear();
                for (int a = 0; a < activeCount; a++) {
                    over.add(tags.get(active[a]));
                }
            }
            applying.clear();
            for (int r = 0; r < rules.size(); r++) {
                int[] sel = selections[r];
                int at = Arrays.binarySearch(sel, cursors[r], sel.length, i);
                cursors[r] = at >= 0 ? at + 1 : -at - 1;
                if (at >= 0) {
                    applying.add(rules.get(r));
                }
            }
            sink.accept(i, attributor.attribute(i, iv, applying, over));
        }
    }

    /** Overlay positions of the tags overlapping [from, to), by start. */
    private static int[] candidates(List<Tag> tags, long from, long to) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < tags.size(); p++) {
            Tag t = tags.get(p);
            if (t.startUs() < to && t.endUs() > from) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingLong(p -> tags.get(p).startUs()));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
