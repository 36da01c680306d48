package dev.goodput.core.derive;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.report.LinkedFault;
import dev.goodput.core.report.RestartCost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record per restart in the window — a disruption, or a planned end followed by another attempt — with the
 * split of its cost in wall-clock seconds (docs/derivation.md, "What a fault cost").
 */
final class RestartCosts {
    private RestartCosts() {
    }

    /**
     * @param lost where the partition put each cause, so a gap's stretch it leaves unattributed (a logged downtime
     *             nobody explained) is not charged to the restart before it
     */
    static List<RestartCost> compute(Run run, List<ResolvedAttempt> attempts, StepPlan plan, Window w,
                                     ReliabilityCalculator.LostTime lost) {
        int n = attempts.size();
        StepTable s = run.steps();
        int[] firstRow = new int[n];
        int[] lastRow = new int[n];
        long[] rolledBackUs = new long[n];
        long[] countedTo = new long[n];
        Arrays.fill(firstRow, -1);
        Arrays.fill(lastRow, -1);
        Arrays.fill(countedTo, Long.MIN_VALUE);
        for (int row = 0; row < s.size(); row++) {
            int a = plan.attempt[row];
            if (a < 0) {
                continue;
            }
            if (firstRow[a] < 0) {
                firstRow[a] = row;
            }
            lastRow[a] = row;
            if (!plan.kept[row]) {
                // Executions are in start order; a span already counted (steps a log says overlapped) counts once.
                long from = Math.max(s.startUs(row), countedTo[a]);
                if (plan.end[row] > from) {
                    rolledBackUs[a] += plan.end[row] - from;
                    countedTo[a] = plan.end[row];
                }
            }
        }
        List<Phase> restores = run.phases().stream().filter(p -> p.kind() == PhaseKind.CHECKPOINT_RESTORE).toList();
        List<RestartCost> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResolvedAttempt a = attempts.get(i);
            boolean hasNext = i + 1 < n;
            if (!a.disrupted() && !(a.planned() && hasNext)) {
                continue;
            }
            FaultEvent root = a.disrupted() ? a.root() : null;
            long at = root != null ? a.detectionUs() : a.endUs();
            // Inclusive end: a run whose log ends with the failure still had it.
            if (at < w.startUs() || at > w.endUs()) {
                continue;
            }
            long detectionStart = a.endUs();
            if (a.disrupted()) {
                detectionStart = lastRow[i] >= 0 ? plan.end[lastRow[i]] : Math.min(a.detectionUs(), a.endUs());
            }
            String cause = ClaimBuilder.endCause(a).id();
            Double queue = null;
            Double init = null;
            Double restore = null;
            if (hasNext) {
                ResolvedAttempt next = attempts.get(i + 1);
                long firstStep = firstRow[i + 1] >= 0 ? s.startUs(firstRow[i + 1]) : next.endUs();
                long restoreUs = covered(restores, next.startUs(), Math.max(next.startUs(), firstStep));
                long unexplained = cause.equals(CauseCatalog.UNATTRIBUTED_DOWNTIME.id()) ? 0
                        : lost.us(a.endUs(), next.startUs(), CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
                queue = seconds(next.startUs() - a.endUs() - unexplained);
                restore = seconds(restoreUs);
                init = seconds(Math.max(0, firstStep - next.startUs() - restoreUs));
            }
            Source ended = a.endSource() != null ? a.endSource() : a.source();
            out.add(new RestartCost(at, a.endUs(), a.endReason().id(), !a.disrupted(), cause, cascades(a),
                    (root != null ? root.source() : ended).toString(), rule(root),
                    seconds(Math.max(0, a.endUs() - detectionStart)), queue, init, restore, seconds(rolledBackUs[i])));
        }
        return List.copyOf(out);
    }

    private static List<LinkedFault> cascades(ResolvedAttempt a) {
        List<LinkedFault> out = new ArrayList<>(a.cascades().size());
        for (FaultEvent f : a.cascades()) {
            out.add(new LinkedFault(f.cause(), f.timeUs(), f.source().toString()));
        }
        return out;
    }

    /** The rule that classified the root fault (null: none did, or no root). */
    private static String rule(FaultEvent root) {
        return root == null ? null : root.rule();
    }

    /** How much of [from, to) the phases cover (their union: overlapping restores count once). */
    private static long covered(List<Phase> phases, long from, long to) {
        long total = 0;
        long reached = from;
        for (Phase p : phases) { // in start order
            if (p.startUs() >= to) {
                break;
            }
            long s = Math.max(p.startUs(), reached);
            long e = Math.min(p.endUs(), to);
            if (e > s) {
                total += e - s;
                reached = e;
            }
        }
        return total;
    }

    private static double seconds(long us) {
        return us / 1e6;
    }
}
