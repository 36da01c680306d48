package dev.goodput.core.model;

import java.util.List;

/**
 * One training run as imported: immutable facts that every view and derivation shares.
 * User edits are never applied here; they are an overlay on top.
 */
public record Run(RunMetadata metadata, List<JobAttempt> attempts, StepTable steps, List<Phase> phases,
                  List<Checkpoint> checkpoints, List<FaultEvent> faults, List<Downtime> downtimes,
                  List<String> inputFiles, List<Problem> problems) {
    public Run {
        attempts = List.copyOf(attempts);
        phases = List.copyOf(phases);
        checkpoints = List.copyOf(checkpoints);
        faults = List.copyOf(faults);
        downtimes = List.copyOf(downtimes);
        inputFiles = List.copyOf(inputFiles);
        problems = List.copyOf(problems);
    }

    /** Earliest time anything in the run refers to, or {@link Times#UNKNOWN} for an empty run. */
    public long firstEventUs() {
        long t = Long.MAX_VALUE;
        for (JobAttempt a : attempts) {
            t = Math.min(t, a.startUs());
        }
        if (steps.size() > 0) {
            t = Math.min(t, steps.startUs(0));
        }
        for (Phase p : phases) {
            t = Math.min(t, p.startUs());
        }
        for (FaultEvent f : faults) {
            t = Math.min(t, f.timeUs());
        }
        for (Downtime d : downtimes) {
            t = Math.min(t, d.startUs());
        }
        for (Checkpoint c : checkpoints) {
            t = Math.min(t, c.timeUs());
        }
        return t == Long.MAX_VALUE ? Times.UNKNOWN : t;
    }

    /** Latest time anything in the run refers to, or {@link Times#UNKNOWN} for an empty run. */
    public long lastEventUs() {
        long t = Long.MIN_VALUE;
        for (JobAttempt a : attempts) {
            t = Math.max(t, Math.max(a.startUs(), a.endUs()));
        }
        for (int i = 0; i < steps.size(); i++) {
            t = Math.max(t, Math.max(steps.startUs(i), steps.endUs(i)));
        }
        for (Phase p : phases) {
            t = Math.max(t, p.endUs());
        }
        for (FaultEvent f : faults) {
            t = Math.max(t, f.timeUs());
        }
        for (Downtime d : downtimes) {
            t = Math.max(t, d.endUs());
        }
        for (Checkpoint c : checkpoints) {
            t = Math.max(t, c.timeUs() + c.blockingUs());
        }
        return t == Long.MIN_VALUE ? Times.UNKNOWN : t;
    }
}
