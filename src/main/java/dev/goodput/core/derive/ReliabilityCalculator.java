package dev.goodput.core.derive;

import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.report.CauseReliability;
import dev.goodput.core.report.Reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Disruptions in the window (attempts that ended unplanned), MTBF = uptime ÷ disruptions and MTTR = mean
 * time from the disruption (fault time, else the attempt's end) to the next attempt's start.
 */
final class ReliabilityCalculator {
    private ReliabilityCalculator() {
    }

    static Reliability compute(List<ResolvedAttempt> attempts, Window w) {
        long upUs = 0;
        for (ResolvedAttempt a : attempts) {
            upUs += Math.max(0, Math.min(a.endUs(), w.endUs()) - Math.max(a.startUs(), w.startUs()));
        }
        Map<String, long[]> byCause = new TreeMap<>(); // cause → {count, recovered count, recovery µs}
        int total = 0;
        int recovered = 0;
        long recoveryUs = 0;
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
            String cause = ClaimBuilder.endCause(a).id();
            long[] c = byCause.computeIfAbsent(cause, k -> new long[3]);
            c[0]++;
            total++;
            if (i + 1 < attempts.size()) {
                long r = Math.max(0, attempts.get(i + 1).startUs() - at);
                c[1]++;
                c[2] += r;
                recovered++;
                recoveryUs += r;
            }
        }
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
