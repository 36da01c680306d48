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
    private record JobMark(long timeUs, boolean start, EndReason reason, int allocated, int inUse, Source source) {
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
        jobMarks.add(new JobMark(timeUs, true, null, allocated, inUse, source));
        return this;
    }

    public RunBuilder jobEnd(long timeUs, EndReason reason, Source source) {
        jobMarks.add(new JobMark(timeUs, false, reason, 0, 0, source));
        return this;
    }

    public RunBuilder step(long number, long startUs, long endUs, long tokens, Source source) {
        steps.add(number, startUs, endUs, tokens, source);
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

    /** Pairs each start with the first end before the next start; ends without a start are reported. */
    private List<JobAttempt> pairJobMarks() {
        List<JobMark> marks = new ArrayList<>(jobMarks);
        // At equal times an end sorts before a start: a restart at the same instant closes the old attempt first.
        marks.sort(Comparator.comparingLong(JobMark::timeUs).thenComparing(JobMark::start));
        List<JobAttempt> attempts = new ArrayList<>();
        JobMark open = null;
        for (JobMark m : marks) {
            if (m.start()) {
                if (open != null) {
                    attempts.add(new JobAttempt(open.timeUs(), Times.UNKNOWN, EndReason.UNKNOWN, open.allocated(),
                            open.inUse(), false, open.source()));
                }
                open = m;
            } else if (open != null) {
                attempts.add(new JobAttempt(open.timeUs(), m.timeUs(), m.reason(), open.allocated(), open.inUse(),
                        false, open.source()));
                open = null;
            } else {
                problems.add(Problem.warning(m.source(), "job end with no job start before it; ignored"));
            }
        }
        if (open != null) {
            attempts.add(new JobAttempt(open.timeUs(), Times.UNKNOWN, EndReason.UNKNOWN, open.allocated(),
                    open.inUse(), false, open.source()));
        }
        return attempts;
    }
}
