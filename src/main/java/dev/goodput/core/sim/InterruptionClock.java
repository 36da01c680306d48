package dev.goodput.core.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Arrival times of interruptions while the job holds its accelerators. Each cause is a Poisson process
 * of rate × accelerators; their sum is one Poisson process whose arrivals pick a cause in proportion to
 * its rate, which is what is drawn here. Planned maintenance is a second, independent process.
 * While the job is down nothing can interrupt it: {@link #restartAt} draws afresh from the restart,
 * which memorylessness makes the same as discarding arrivals in the gap.
 */
final class InterruptionClock {
    private final List<FailureRate> causes;
    private final double[] cumulative;
    private final double faultsPerSecond;
    private final double plannedPerSecond;
    private final SplittableRandom random;
    private final DurationSampler waits;
    private long nextFaultUs;
    private long nextPlannedUs;

    InterruptionClock(FailureRateTable table, int accelerators, SplittableRandom random, long startUs) {
        this.causes = table.unexpected();
        this.cumulative = new double[causes.size()];
        double sum = 0;
        for (int i = 0; i < causes.size(); i++) {
            sum += causes.get(i).perGpuHour();
            cumulative[i] = sum;
        }
        this.faultsPerSecond = sum * accelerators / 3600.0;
        this.plannedPerSecond = table.plannedPerGpuHour() * accelerators / 3600.0;
        this.random = random;
        this.waits = new DurationSampler(random);
        restartAt(startUs);
    }

    /** The job (re)starts at {@code t}: the next arrivals are drawn from there. */
    void restartAt(long t) {
        nextFaultUs = t + waits.exponential(faultsPerSecond);
        nextPlannedUs = t + waits.exponential(plannedPerSecond);
    }

    /** The fault arriving before {@code t}, if any (then the job is about to die and restart). */
    Interruption faultBefore(long t) {
        if (nextFaultUs >= t) {
            return null;
        }
        return new Interruption(nextFaultUs, pickCause());
    }

    /** The planned stop due by {@code t}, if any; the job stops gracefully at its next step boundary. */
    Interruption plannedBy(long t) {
        return nextPlannedUs <= t ? new Interruption(nextPlannedUs, null) : null;
    }

    private FailureRate pickCause() {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return causes.get(i);
            }
        }
        return causes.get(causes.size() - 1);
    }
}
