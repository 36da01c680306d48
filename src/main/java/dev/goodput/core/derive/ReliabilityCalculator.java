package dev.goodput.core.derive;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.CauseReliability;
import dev.goodput.core.report.Reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Disruptions in the window (attempts that ended unplanned), MTBF = uptime ÷ disruptions and MTTR = mean recovery
 * time: from the disruption (its detection time, else the attempt's end) to the next attempt's start, counting only
 * the time lost to the disruption's own cause, so an unattributed gap after a crash is not the crash's repair time.
 */
public final class ReliabilityCalculator {
    /**
     * One disruption in the window, as the derivation sees it.
     *
     * @param atUs       the detection time of its root fault, else the attempt's end
     * @param cause      what the derivation counts it under: the root fault's cause, else unattributed downtime
     * @param source     the record that decided it (the root fault, else the attempt), which is also the
     *                   source of the lost interval that starts at {@code atUs}
     * @param recoveryUs time to the next attempt's start, or -1 when the log has no restart after it
     */
    public record Disruption(long atUs, Cause cause, Source source, long recoveryUs) {
    }

    /** Wall-clock time in [fromUs, toUs) lost to the cause {@code causeId}, in some partition of the window. */
    @FunctionalInterface
    public interface LostTime {
        long us(long fromUs, long toUs, String causeId);
    }

    private ReliabilityCalculator() {
    }

    static Reliability compute(List<ResolvedAttempt> attempts, Window w, List<Interval> intervals) {
        return compute(attempts, w, disruptions(attempts, w), d -> d.cause().id(), lostIn(intervals));
    }

    /** Attempts that ended unplanned with the disruption in the window (inclusive end), in time order. */
    public static List<Disruption> disruptions(List<ResolvedAttempt> attempts, Window w) {
        List<Disruption> out = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            ResolvedAttempt a = attempts.get(i);
            if (!a.disrupted()) {
                continue;
            }
            FaultEvent f = a.root();
            long at = f != null ? a.detectionUs() : a.endUs();
            // Inclusive end: a run whose log ends with the fault still had that disruption.
            if (at < w.startUs() || at > w.endUs()) {
                continue;
            }
            long recovery = i + 1 < attempts.size() ? Math.max(0, attempts.get(i + 1).startUs() - at) : -1;
            out.add(new Disruption(at, ClaimBuilder.endCause(a), f != null ? f.source() : a.source(), recovery));
        }
        return List.copyOf(out);
    }

    /** Time lost to a cause in a range of a partition (intervals in time order, contiguous). */
    public static LostTime lostIn(List<Interval> intervals) {
        return (from, to, causeId) -> {
            long total = 0;
            for (int i = firstEndingAfter(intervals, from); i < intervals.size(); i++) {
                Interval iv = intervals.get(i);
                if (iv.startUs() >= to) {
                    break;
                }
                if (iv.state() instanceof IntervalState.Lost lost && lost.cause().id().equals(causeId)) {
                    total += Math.min(to, iv.endUs()) - Math.max(from, iv.startUs());
                }
            }
            return total;
        };
    }

    private static int firstEndingAfter(List<Interval> intervals, long t) {
        int lo = 0;
        int hi = intervals.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (intervals.get(mid).endUs() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @param disruptions as {@link #disruptions} gives them for these attempts and window
     * @param causeOf     the cause id each disruption is counted under; an attribution overlay that
     *                    re-attributes a disruption's lost time counts it under the new cause
     * @param lost        where the time lost to each cause lies: a disruption's recovery is the time in
     *                    [its instant, the next start) lost to the cause it is counted under
     */
    public static Reliability compute(List<ResolvedAttempt> attempts, Window w, List<Disruption> disruptions,
                                      Function<Disruption, String> causeOf, LostTime lost) {
        long upUs = 0;
        for (ResolvedAttempt a : attempts) {
            upUs += Math.max(0, Math.min(a.endUs(), w.endUs()) - Math.max(a.startUs(), w.startUs()));
        }
        Map<String, long[]> byCause = new TreeMap<>(); // cause → {count, recovered count, recovery µs}
        int recovered = 0;
        long recoveryUs = 0;
        for (Disruption d : disruptions) {
            String cause = causeOf.apply(d);
            long[] c = byCause.computeIfAbsent(cause, k -> new long[3]);
            c[0]++;
            if (d.recoveryUs() >= 0) {
                long repair = lost.us(d.atUs(), d.atUs() + d.recoveryUs(), cause);
                c[1]++;
                c[2] += repair;
                recovered++;
                recoveryUs += repair;
            }
        }
        int total = disruptions.size();
        double up = upUs / 1e6;
        List<CauseReliability> causes = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byCause.entrySet()) {
            long[] c = e.getValue();
            causes.add(new CauseReliability(e.getKey(), (int) c[0], up / c[0], c[1] > 0 ? c[2] / 1e6 / c[1] : null));
        }
        causes.sort((x, y) -> Integer.compare(y.count(), x.count()));
        return new Reliability(up, total, total > 0 ? up / total : null,
                recovered > 0 ? recoveryUs / 1e6 / recovered : null, List.copyOf(causes));
    }
}
