package dev.goodput.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects facts from one or more input files; {@link #build()} gives the immutable {@link Run}.
 * Job starts and ends are collected separately and paired at build time, since files may list them
 * in any order.
 */
public final class RunBuilder {
    /** A logged job start or end, before pairing into attempts. */
    private record JobMark(long timeUs, boolean start, EndReason reason, int allocated, int inUse, int hotSpares,
                           List<String> nodes, Source source, int seq, String why) {
        boolean sameFact(JobMark o) {
            return timeUs == o.timeUs && start == o.start && reason == o.reason && allocated == o.allocated
                    && inUse == o.inUse && hotSpares == o.hotSpares && nodes.equals(o.nodes);
        }
    }

    private RunMetadata metadata = RunMetadata.unnamed();
    private boolean metadataSet;
    private final List<JobMark> jobMarks = new ArrayList<>();
    private final StepTable.Builder steps = new StepTable.Builder();
    private final List<Phase> phases = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<FaultEvent> faults = new ArrayList<>();
    private final List<Downtime> downtimes = new ArrayList<>();
    private final List<String> inputFiles = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private long droppedProblems;
    public static final int MAX_PROBLEMS = 1000;

    public RunBuilder metadata(RunMetadata m, Source source) {
        if (metadataSet && !m.equals(metadata)) {
            problems.add(Problem.warning(source, "a second run header replaces the first one"));
        }
        metadata = m;
        metadataSet = true;
        return this;
    }

    public RunMetadata metadata() {
        return metadata;
    }

    public boolean hasMetadata() {
        return metadataSet;
    }

    public RunBuilder jobStart(long timeUs, int allocated, int inUse, Source source) {
        return jobStart(timeUs, allocated, inUse, source, null);
    }

    /** A job start found in a trainer log, with how it was found ({@link JobAttempt#why()}). */
    public RunBuilder jobStart(long timeUs, int allocated, int inUse, Source source, String why) {
        return jobStart(timeUs, allocated, inUse, 0, source, why);
    }

    /**
     * A job start with {@code hotSpares} of its allocated accelerators held in reserve (see
     * {@link JobAttempt#hotSpares()}).
     */
    public RunBuilder jobStart(long timeUs, int allocated, int inUse, int hotSpares, Source source, String why) {
        return jobStart(timeUs, allocated, inUse, hotSpares, List.of(), source, why);
    }

    /** A job start on {@code nodes}, the hosts it held (see {@link JobAttempt#nodes()}; empty: not known). */
    public RunBuilder jobStart(long timeUs, int allocated, int inUse, int hotSpares, List<String> nodes,
                               Source source, String why) {
        jobMarks.add(new JobMark(timeUs, true, null, allocated, inUse, hotSpares, List.copyOf(nodes), source,
                jobMarks.size(), why));
        return this;
    }

    public RunBuilder jobEnd(long timeUs, EndReason reason, Source source) {
        jobMarks.add(new JobMark(timeUs, false, reason, 0, 0, 0, List.of(), source, jobMarks.size(), null));
        return this;
    }

    public RunBuilder step(long number, long startUs, long endUs, long tokens, Source source) {
        steps.add(number, startUs, endUs, tokens, source);
        return this;
    }

    /** A step read from line {@code line} of {@code file} (as {@link #step(long, long, long, long, Source)}). */
    public RunBuilder step(long number, long startUs, long endUs, long tokens, String file, long line) {
        steps.add(number, startUs, endUs, tokens, Double.NaN, file, line);
        return this;
    }

    /** A step with the model FLOP/s per accelerator its trainer reported for it (NaN: none). */
    public RunBuilder step(long number, long startUs, long endUs, long tokens, double reportedFlopRate, Source source) {
        steps.add(number, startUs, endUs, tokens, reportedFlopRate, source);
        return this;
    }

    public RunBuilder phase(Phase phase) {
        phases.add(phase);
        return this;
    }

    public RunBuilder checkpoint(Checkpoint checkpoint) {
        checkpoints.add(checkpoint);
        return this;
    }

    public RunBuilder fault(FaultEvent fault) {
        faults.add(fault);
        return this;
    }

    public RunBuilder downtime(Downtime downtime) {
        downtimes.add(downtime);
        return this;
    }

    public RunBuilder inputFile(String file) {
        inputFiles.add(file);
        return this;
    }

    /** Keeps the first {@link #MAX_PROBLEMS} problems; a file with a million bad lines must not exhaust memory. */
    public RunBuilder problem(Problem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            droppedProblems++;
        }
        return this;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int stepCount() {
        return steps.size();
    }


    public Run build() {
        StepTable table = steps.build();
        if (steps.duplicates() > 0) {
            problems.add(Problem.warning(Source.DERIVED, steps.duplicates() + " duplicate step records ignored "
                    + "(same step, start and end logged twice)"));
        }
        List<JobAttempt> attempts = pairJobMarks();
        if (droppedProblems > 0) {
            problems.add(Problem.warning(Source.DERIVED, droppedProblems + " more problems not listed"));
            droppedProblems = 0;
        }
        List<Phase> sortedPhases = new ArrayList<>(phases);
        sortedPhases.sort(Comparator.comparingLong(Phase::startUs));
        List<FaultEvent> sortedFaults = new ArrayList<>(faults);
        sortedFaults.sort(Comparator.comparingLong(FaultEvent::timeUs));
        List<Downtime> sortedDowntimes = new ArrayList<>(downtimes);
        sortedDowntimes.sort(Comparator.comparingLong(Downtime::startUs));
        List<Checkpoint> sortedCheckpoints = new ArrayList<>(checkpoints);
        sortedCheckpoints.sort(Comparator.comparingLong(Checkpoint::timeUs));
        return new Run(metadata, attempts, table, sortedPhases, sortedCheckpoints, sortedFaults, sortedDowntimes,
                inputFiles, problems);
    }

    /**
     * Pairs each start with the first end before the next start; ends without a start are reported.
     * At one instant, an end first closes an attempt started earlier; the other marks then pair in input
     * order, so a start and an end logged at the same time make a zero-length attempt.
     */
    private List<JobAttempt> pairJobMarks() {
        List<JobMark> marks = new ArrayList<>(jobMarks);
        marks.sort(Comparator.comparingLong(JobMark::timeUs).thenComparingInt(JobMark::seq));
        List<JobAttempt> attempts = new ArrayList<>();
        JobMark open = null;
        int duplicates = 0;
        int i = 0;
        while (i < marks.size()) {
            long t = marks.get(i).timeUs();
            List<JobMark> group = new ArrayList<>();
            for (; i < marks.size() && marks.get(i).timeUs() == t; i++) {
                JobMark m = marks.get(i);
                if (group.stream().anyMatch(m::sameFact)) {
                    duplicates++;
                } else {
                    group.add(m);
                }
            }
            if (open != null && open.timeUs() < t) {
                for (JobMark m : group) {
                    if (!m.start()) {
                        attempts.add(attempt(open, m));
                        open = null;
                        group.remove(m);
                        break;
                    }
                }
            }
            for (JobMark m : group) {
                if (m.start()) {
                    if (open != null) {
                        attempts.add(attempt(open, null));
                    }
                    open = m;
                } else if (open != null) {
                    attempts.add(attempt(open, m));
                    open = null;
                } else {
                    problems.add(Problem.warning(m.source(), "job end with no job start before it; ignored"));
                }
            }
        }
        if (open != null) {
            attempts.add(attempt(open, null));
        }
        if (duplicates > 0) {
            problems.add(Problem.warning(Source.DERIVED, duplicates + " duplicate job start/end records ignored"));
        }
        return attempts;
    }

    /** @param end the job end that closes it, or null when none was logged */
    private static JobAttempt attempt(JobMark start, JobMark end) {
        return new JobAttempt(start.timeUs(), end == null ? Times.UNKNOWN : end.timeUs(),
                end == null ? EndReason.UNKNOWN : end.reason(), start.allocated(), start.inUse(), false,
                start.source(), start.why(), start.hotSpares(), end == null ? null : end.source(), start.nodes());
    }
}
