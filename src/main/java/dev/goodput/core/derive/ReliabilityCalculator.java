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
 * Disruptions in the window (attempts that ended unplanned), MTBF = uptime ÷ disruptions and MTTR = mean
 * time from the disruption (fault time, else the attempt's end) to the next attempt's start.
 */
public final class ReliabilityCalculator {
    /**
     * One disruption in the window, as the derivation sees it.
     *
     * @param atUs       the fatal fault's time, else the attempt's end
     * @param cause      what the derivation counts it under: the fatal fault's cause, else preemption or
     *                   unattributed downtime
     * @param source     the record that decided it (the fatal fault, else the attempt), which is also the
     *                   source of the lost interval that starts at {@code atUs}
     * @param recoveryUs time to the next attempt's start, or -1 when the log has no restart after it
     */
    public record Disruption(long atUs, Cause cause, Source source, long recoveryUs) {
    }

    private ReliabilityCalculator() {
    }

    static Reliability compute(List<ResolvedAttempt> attempts, Window w) {
        return compute(attempts, w, disruptions(attempts, w), d -> d.cause().id());
    }

    /** Attempts that ended unplanned with the disruption in the window (inclusive end), in time order. */
    public static List<Disruption> disruptions(List<ResolvedAttempt> attempts, Window w) {
        List<Disruption> out = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            ResolvedAttempt a = attempts.get(i);
            if (!a.disrupted()) {
                continue;
            }
            FaultEvent f = a.fatalFault();
            long at = f != null ? Math.min(f.timeUs(), Math.max(a.endUs(), f.timeUs())) : a.endUs();
            // Inclusive end: a run whose log ends with the fault still had that disruption.
            if (at < w.startUs() || at > w.endUs()) {
                continue;
            }
            long recovery = i + 1 < attempts.size() ? Math.max(0, attempts.get(i + 1).startUs() - at) : -1;
            out.add(new Disruption(at, ClaimBuilder.endCause(a), f != null ? f.source() : a.source(), recovery));
        }
        return List.copyOf(out);
    }

    /**
     * @param disruptions as {@link #disruptions} gives them for these attempts and window
     * @param causeOf     the cause id each disruption is counted under; an attribution overlay that
     *                    re-attributes a disruption's lost time counts it under the new cause
     */
    public static Reliability compute(List<ResolvedAttempt> attempts, Window w, List<Disruption> disruptions,
                                      Function<Disruption, String> causeOf) {
        long upUs = 0;
        for (ResolvedAttempt a : attempts) {
            upUs += Math.max(0, Math.min(a.endUs(), w.endUs()) - Math.max(a.startUs(), w.startUs()));
        }
        Map<String, long[]> byCause = new TreeMap<>(); // cause → {count, recovered count, recovery µs}
        int recovered = 0;
        long recoveryUs = 0;
        for (Disruption d : disruptions) {
            long[] c = byCause.computeIfAbsent(causeOf.apply(d), k -> new long[3]);
            c[0]++;
            if (d.recoveryUs() >= 0) {
                c[1]++;
                c[2] += d.recoveryUs();
                recovered++;
                recoveryUs += d.recoveryUs();
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
