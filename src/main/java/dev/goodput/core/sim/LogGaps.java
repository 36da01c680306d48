package dev.goodput.core.sim;

/**
 * How incomplete the simulated log is, like real ones: analysts get something to investigate.
 *
 * @param unloggedFaultFraction  faults with no fault event: the restart shows up as unattributed downtime
 * @param unloggedEndFraction    disrupted attempts with no job_end (the scheduler lost it)
 */
public record LogGaps(double unloggedFaultFraction, double unloggedEndFraction) {
    public LogGaps {
        if (unloggedFaultFraction < 0 || unloggedFaultFraction > 1 || unloggedEndFraction < 0
                || unloggedEndFraction > 1) {
            throw new IllegalArgumentException("log gap fractions must be in [0, 1]");
        }
    }

    public static LogGaps typical() {
        return new LogGaps(0.05, 0.10);
    }

    public static LogGaps none() {
        return new LogGaps(0, 0);
    }
}
