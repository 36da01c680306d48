package dev.goodput.core.io.logs;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the events of one job attempt at a time into the run's facts: the attempt itself (with how it was found),
 * its steps (a report of the mean of N iterations becomes N steps ending at the report), blocking checkpoint saves
 * (from the times around the save lines: Megatron's iteration time leaves the save out), restores, evaluations and
 * faults. The attempts are written at the end ({@link #finish}): when the scheduler's records were given, its jobs are
 * the attempts and these are matched to them ({@link JobMatcher}); otherwise one whose log does not say how it ended
 * is a disruption of unknown cause when another follows, and the run's last one ended normally at its last line.
 */
final class AttemptWriter {
    private final RunBuilder run;
    private final RunSettings settings;

    // Attempts closed so far; the last one's end waits for finish.
    private final List<TrainerAttempt> closed = new ArrayList<>();

    // The open attempt.
    private long startUs;
    private Source startSource;
    private String why;
    private long floorUs = Long.MIN_VALUE; // the previous attempt's end: an attempt starts no earlier
    private long lastLineUs;
    private Source lastLineSource;
    private long lastEventUs;
    private boolean progress;
    private long lastStep;
    private String stepFile;
    private long stepsEndUs;
    private long lastStepUs;
    private long loadedStep;
    private long loadStartUs;
    private long boundaryUs; // the latest banner, marker or load start since the last steps
    private long lastFaultUs;
    private boolean failed;
    private final List<FaultEvent> faults = new ArrayList<>();
    private TrainerEvent.End end;
    private Pending save;
    private Pending load;
    private Pending eval;
    private boolean warnedUntimed;
    private boolean warnedClock;
    private boolean reachBack;
    /** The attempt's first report, when it has a time but no duration: it waits for the next one's spacing. */
    private TrainerEvent.Steps waitingFirst;

    /** A save, load or evaluation whose start was seen and whose end is still to come. */
    private record Pending(long startUs, long step, Source source, boolean ended, long endUs) {
    }

    /** The highest iteration placed in any attempt so far, to notice a job starting over from scratch. */
    private long runMaxStep = Long.MIN_VALUE;

    // Trainer-MFU bookkeeping for the peak the trainer measured against.
    private final List<Double> peaksFromMfu = new ArrayList<>();
    private boolean anyRate;
    private boolean ratesFromMfu;

    AttemptWriter(RunBuilder run, RunSettings settings) {
        this.run = run;
        this.settings = settings;
    }

    void startAttempt(long at, Source source, String reason) {
        startAttempt(at, source, reason, false);
    }

    /**
     * @param fileStart whether the attempt begins with its file (then its first report may reach back before the
     *                  first timed line; after a restart inside a file the restart point bounds it)
     */
    void startAttempt(long at, Source source, String reason, boolean fileStart) {
        reachBack = fileStart;
        startUs = Math.max(at, floorUs);
        startSource = source;
        why = reason;
        lastLineUs = startUs;
        lastLineSource = source;
        lastEventUs = Times.UNKNOWN;
        progress = false;
        lastStep = Long.MIN_VALUE;
        stepFile = null;
        stepsEndUs = Times.UNKNOWN;
        lastStepUs = 0;
        loadedStep = -1;
        loadStartUs = Times.UNKNOWN;
        boundaryUs = startUs;
        lastFaultUs = Times.UNKNOWN;
        failed = false;
        faults.clear();
        end = null;
        save = null;
        load = null;
        eval = null;
        warnedUntimed = false;
        warnedClock = false;
        waitingFirst = null;
    }

    long startUs() {
        return startUs;
    }

    /** The latest time an event of the open attempt placed (steps chained from untimed reports included). */
    long lastEventUs() {
        return lastEventUs;
    }

    boolean attemptHasProgress() {
        return progress;
    }

    /** A run of timed lines: the attempt began with its first line (when no earlier attempt had it) and lasts to its last. */
    void activity(TrainerEvent.Activity a) {
        if (a.timeUs() < startUs && a.timeUs() >= floorUs) {
            startUs = a.timeUs();
            boundaryUs = Math.max(boundaryUs, startUs);
        }
        if (a.endUs() >= lastLineUs) {
            lastLineUs = a.endUs();
            lastLineSource = a.endSource();
        }
    }

    /** A start banner before any progress: a time anchor for untimed steps. */
    void boundary(long at) {
        boundaryUs = Math.max(boundaryUs, at);
        touch(at);
    }

    /**
     * A restart found at {@code at} from the iterations: the attempt closes there and the next starts, keeping a
     * checkpoint load logged since {@code at} (it is the new attempt's restore, and says where its steps resume).
     */
    void restartAt(long at, Source source, String reason) {
        long keptStep = loadStartUs != Times.UNKNOWN && loadStartUs >= at ? loadedStep : -1;
        Pending keptLoad = load != null && load.startUs() >= at ? load : null;
        endAttempt(at);
        startAttempt(at, source, reason);
        loadedStep = keptStep;
        load = keptLoad;
        loadStartUs = keptLoad != null ? keptLoad.startUs() : Times.UNKNOWN;
    }

    /** A launcher restarting its workers: this attempt failed. */
    void restart() {
        failed = true;
    }

    /**
     * Whether {@code st} is a copy of progress this attempt already has: another log's (several ranks' logs merged),
     * or, in the same log, the same iteration reported again within a step's time (the rank 0 of each node of a
     * multi-node job prints it), which is not a restart.
     */
    boolean isCopy(TrainerEvent.Steps st) {
        if (waitingFirst != null) { // the first report, waiting for its duration
            return st.lastStep() == waitingFirst.lastStep() && st.timeUs() != Times.UNKNOWN
                    && Math.abs(st.timeUs() - waitingFirst.timeUs()) <= 5_000_000L;
        }
        if (stepFile == null) {
            return false;
        }
        if (!stepFile.equals(st.source().file())) {
            return st.lastStep() <= lastStep;
        }
        if (st.lastStep() != lastStep) {
            return false;
        }
        if (st.timeUs() == Times.UNKNOWN || stepsEndUs == Times.UNKNOWN) {
            // Untimed: the same iteration again with nothing between (no banner, load or fault) is a copy.
            return boundaryUs == Times.UNKNOWN && (lastFaultUs == Times.UNKNOWN || lastFaultUs <= stepsEndUs);
        }
        return Math.abs(st.timeUs() - stepsEndUs) <= Math.max(lastStepUs, 5_000_000L);
    }

    /** The last step before {@code st} when {@code st} repeats it or goes below it (a restart), else MIN_VALUE. */
    long regressionFrom(TrainerEvent.Steps st) {
        return lastStep != Long.MIN_VALUE && st.lastStep() <= lastStep ? lastStep : Long.MIN_VALUE;
    }

    /**
     * Where a restart found at {@code at} begins: the latest banner, marker or checkpoint load since the last steps,
     * else just after the last fault or step (what came before the crash belongs to the old attempt).
     */
    long restartPoint(long at) {
        long after = Math.max(stepsEndUs, lastFaultUs);
        if (boundaryUs != Times.UNKNOWN && boundaryUs > after) {
            return boundaryUs;
        }
        return after != Times.UNKNOWN ? Math.max(after, startUs) : Math.max(at, startUs);
    }

    void steps(TrainerEvent.Steps st, long at) {
        long t = st.timeUs();
        long d = st.stepUs();
        if (d < 0 && t != Times.UNKNOWN && stepsEndUs == Times.UNKNOWN && waitingFirst == null) {
            // The attempt's first report gives its time but not its steps' duration (torchtitan): the spacing of the
            // next report tells it; until then it waits.
            waitingFirst = st;
            progress = true;
            touch(t);
            return;
        }
        if (waitingFirst != null) {
            TrainerEvent.Steps first = waitingFirst;
            waitingFirst = null;
            long between = st.count() > 0 ? st.count() : Math.max(1, st.lastStep() - first.lastStep());
            long spacing = t != Times.UNKNOWN && t > first.timeUs() ? (t - first.timeUs()) / between : d;
            place(first, first.timeUs(), spacing);
        }
        place(st, t, d);
    }

    /** Places a report's steps ending at {@code t}, each {@code d} long; without both they cannot be placed. */
    private void place(TrainerEvent.Steps st, long t, long d) {
        int count = count(st, t, d);
        if (d < 0 && t != Times.UNKNOWN && stepsEndUs != Times.UNKNOWN && t > stepsEndUs) {
            d = (t - stepsEndUs) / count;
        }
        if (t == Times.UNKNOWN && d >= 0) {
            // After everything placed so far: the last steps, a save or restore that ended since, a timed marker.
            long from = Math.max(Math.max(stepsEndUs, boundaryUs), lastEventUs);
            t = from == Times.UNKNOWN ? Times.UNKNOWN : from + count * d;
        }
        if (t == Times.UNKNOWN || d < 0) {
            if (!warnedUntimed) {
                run.problem(Problem.warning(st.source(), "steps with neither a time nor a duration cannot be placed; "
                        + "skipped (and any more like them in this attempt)"));
                warnedUntimed = true;
            }
            return;
        }
        if (stepsEndUs != Times.UNKNOWN && t < stepsEndUs) {
            // The clock went back (a summer-time hour read twice, a node's clock): the steps follow the last ones.
            if (!warnedClock) {
                run.problem(Problem.warning(st.source(), "the time goes back " + RunStitcher.human(stepsEndUs - t)
                        + " from the previous report; its steps are placed after it (a clock change? times without "
                        + "a zone are read in the zone --tz gives)"));
                warnedClock = true;
            }
            t = stepsEndUs + count * d;
        }
        long rangeStart = t - count * d;
        if (reachBack && stepsEndUs == Times.UNKNOWN && rangeStart < startUs && rangeStart >= floorUs) {
            startUs = rangeStart; // the attempt's first report reaches back before its first timed line
        }
        long floor = stepsEndUs != Times.UNKNOWN ? stepsEndUs : startUs;
        if (rangeStart < floor) {
            rangeStart = Math.min(floor, t); // a mean that spans time already accounted for: the steps share the rest
        }
        resolvePending(rangeStart);
        long firstStep = st.lastStep() - count + 1;
        if (stepsEndUs == Times.UNKNOWN && runMaxStep != Long.MIN_VALUE && loadedStep < 0 && firstStep <= 1
                && runMaxStep > firstStep) {
            // Everything before is rolled back by the derivation's rule; say so, since it is often two runs at once.
            run.problem(Problem.warning(st.source(), "the job starts again at iteration " + firstStep + " with no "
                    + "checkpoint loaded: the iterations up to " + runMaxStep + " logged before it count as rolled back "
                    + "(wasted progress); if these are separate runs, open them one at a time"));
        }
        runMaxStep = runMaxStep == Long.MIN_VALUE ? st.lastStep() : Math.max(runMaxStep, st.lastStep());
        long tokens = tokens(st);
        double rate = rate(st);
        long span = t - rangeStart;
        long first = firstStep;
        for (int i = 0; i < count; i++) {
            long s = rangeStart + span * i / count;
            long e = rangeStart + span * (i + 1) / count;
            run.step(first + i, s, e, tokens, rate, st.source());
        }
        lastStep = st.lastStep();
        lastStepUs = count > 0 ? span / count : 0;
        stepFile = st.source().file();
        stepsEndUs = t;
        boundaryUs = Times.UNKNOWN;
        progress = true;
        touch(t);
    }

    /**
     * How many steps a report covers: as it says, else since the last report, else the log interval; else, as a
     * guess bounded by how many steps of duration {@code d} fit since the attempt began (a resumed run's first
     * report at iteration 136,004 is not 136,004 steps), the iterations since the checkpoint loaded or, for the
     * run's first report, since iteration 0.
     */
    private int count(TrainerEvent.Steps st, long t, long d) {
        long n;
        boolean guess = false;
        if (st.count() > 0) {
            n = st.count();
        } else if (lastStep != Long.MIN_VALUE && st.lastStep() > lastStep) {
            n = st.lastStep() - lastStep;
        } else if (settings.number(TrainerEvent.SettingKey.LOG_INTERVAL) >= 1) {
            n = (long) settings.number(TrainerEvent.SettingKey.LOG_INTERVAL);
        } else if (loadedStep >= 0 && st.lastStep() > loadedStep) {
            n = st.lastStep() - loadedStep;
            guess = true;
        } else if (closed.isEmpty() && st.lastStep() >= 1) {
            n = st.lastStep();
            guess = true;
        } else {
            n = 1;
        }
        if (guess) {
            // Bounded by how many fit since the attempt began; an untimed report cannot be bounded, so it is one.
            long from = stepsEndUs != Times.UNKNOWN ? stepsEndUs : startUs;
            n = t != Times.UNKNOWN && d > 0 ? Math.min(n, Math.max(1, (t - from) / d)) : 1;
        }
        return (int) Math.max(1, Math.min(n, 1_000_000));
    }

    private long tokens(TrainerEvent.Steps st) {
        if (st.tokens() >= 0) {
            return st.tokens();
        }
        double batch = st.batch() >= 0 ? st.batch() : settings.number(TrainerEvent.SettingKey.GLOBAL_BATCH);
        double seq = settings.number(TrainerEvent.SettingKey.SEQ_LENGTH);
        return batch > 0 && seq > 0 ? (long) (batch * seq) : -1;
    }

    private double rate(TrainerEvent.Steps st) {
        double rate = st.flopRate();
        boolean hasMfu = st.mfu() > 0 && Double.isFinite(st.mfu());
        if (hasMfu && rate > 0) {
            peaksFromMfu.add(rate / st.mfu());
        }
        if (!(rate > 0) && hasMfu) {
            double peak = settings.number(TrainerEvent.SettingKey.PEAK_FLOPS);
            rate = peak > 0 ? st.mfu() * peak : Double.NaN;
        }
        if (rate > 0 && Double.isFinite(rate)) {
            anyRate = true;
            ratesFromMfu |= hasMfu;
            return rate;
        }
        return Double.NaN;
    }

    void fault(TrainerEvent.Fault f, long at) {
        // Untimed: after everything placed before it (steps chained from untimed reports included), so a crash
        // logged after a step is not taken for a fault before it.
        long t = f.timeUs() != Times.UNKNOWN ? f.timeUs()
                : lastEventUs == Times.UNKNOWN ? at : Math.max(at, lastEventUs);
        FaultEvent fault = new FaultEvent(t, f.cause(), f.message(), f.node(), f.rank(), f.layer(), f.source(),
                f.rule());
        run.fault(fault);
        faults.add(fault);
        lastFaultUs = lastFaultUs == Times.UNKNOWN ? t : Math.max(lastFaultUs, t);
        failed = true;
        touch(t);
    }

    void event(TrainerEvent e, long at) {
        long t = e.timeUs();
        if (e instanceof TrainerEvent.Fault f) {
            fault(f, at);
            return;
        }
        if (e instanceof TrainerEvent.End d) {
            end = d;
            touch(t != Times.UNKNOWN ? t : at);
            return;
        }
        if (e instanceof TrainerEvent.Marker) {
            boundary(t != Times.UNKNOWN ? t : at);
            return;
        }
        if (e instanceof TrainerEvent.CheckpointSave c) {
            progress = true;
            save = edge(save, c.edge(), t, c.step(), c.durationUs(), c.source(), PhaseKind.CHECKPOINT_SAVE);
        } else if (e instanceof TrainerEvent.CheckpointLoad c) {
            loadedStep = c.step() >= 0 ? c.step() : loadedStep;
            if (c.edge() == TrainerEvent.Edge.START && t != Times.UNKNOWN) {
                boundaryUs = Math.max(boundaryUs == Times.UNKNOWN ? t : boundaryUs, t);
                loadStartUs = t;
            }
            load = edge(load, c.edge(), t, c.step(), c.durationUs(), c.source(), PhaseKind.CHECKPOINT_RESTORE);
            if (c.edge() == TrainerEvent.Edge.START && load != null) {
                loadStartUs = load.startUs(); // untimed: placed after what came before it
            }
        } else if (e instanceof TrainerEvent.Evaluation v) {
            progress = true;
            eval = edge(eval, v.edge(), t, -1, v.durationUs(), v.source(), PhaseKind.EVALUATION);
        }
        if (t != Times.UNKNOWN) {
            touch(t);
        }
    }

    /**
     * A start or end of a save, load or evaluation. A start without a time begins where the last steps ended; an
     * end without a time waits for the next steps to begin; an end with a logged duration and no start is placed
     * back from its time.
     */
    private Pending edge(Pending open, TrainerEvent.Edge edge, long t, long step, long durationUs, Source source,
                         PhaseKind kind) {
        if (edge == TrainerEvent.Edge.START) {
            if (open != null) {
                write(open, open.ended() ? open.endUs() : Times.UNKNOWN, kind);
            }
            // Untimed: it began after the last thing placed (the last steps, else the last timed line or marker).
            long start = t != Times.UNKNOWN ? t : Math.max(stepsEndUs, lastEventUs);
            return start == Times.UNKNOWN ? null : new Pending(start, step, source, false, Times.UNKNOWN);
        }
        if (open == null) {
            if (durationUs >= 0 && t != Times.UNKNOWN) {
                write(new Pending(t - durationUs, step, source, true, t), t, kind);
            }
            return null;
        }
        if (t != Times.UNKNOWN) {
            write(open, t, kind);
            return null;
        }
        if (durationUs >= 0) {
            write(open, open.startUs() + durationUs, kind);
            return null;
        }
        return new Pending(open.startUs(), open.step() >= 0 ? open.step() : step, open.source(), true, Times.UNKNOWN);
    }

    /** Saves, loads and evaluations whose end is "when the next steps began". */
    private void resolvePending(long nextStepsStart) {
        if (save != null && save.ended()) {
            write(save, nextStepsStart, PhaseKind.CHECKPOINT_SAVE);
            save = null;
        }
        if (load != null) {
            write(load, load.ended() ? nextStepsStart : Times.UNKNOWN, PhaseKind.CHECKPOINT_RESTORE);
            load = null;
        }
        if (eval != null && eval.ended()) {
            write(eval, nextStepsStart, PhaseKind.EVALUATION);
            eval = null;
        }
    }

    private void write(Pending p, long endUs, PhaseKind kind) {
        if (endUs == Times.UNKNOWN || endUs < p.startUs()) {
            return; // no end known: the time stays untracked (or the first step's excess counts as startup)
        }
        switch (kind) {
            case CHECKPOINT_SAVE -> run.checkpoint(new Checkpoint(Math.max(0, p.step()), p.startUs(),
                    endUs - p.startUs(), p.source()));
            case CHECKPOINT_RESTORE -> run.phase(new Phase(PhaseKind.CHECKPOINT_RESTORE, "checkpoint_restore",
                    p.startUs(), endUs, null, p.source()));
            default -> run.phase(new Phase(kind, kind.id(), p.startUs(), endUs, null, p.source()));
        }
        touch(endUs);
    }

    private void touch(long t) {
        if (t != Times.UNKNOWN) {
            lastEventUs = lastEventUs == Times.UNKNOWN ? t : Math.max(lastEventUs, t);
        }
    }

    /**
     * Closes the open attempt at {@code at} (a restart point), or, with {@link Times#UNKNOWN}, at its last line.
     * Its end reason: as the log says, else a fault if one was logged or the launcher restarted it, else left to
     * {@link #finish} (a disruption with no logged reason when another attempt follows).
     */
    void endAttempt(long at) {
        if (waitingFirst != null) {
            // The attempt's only report: its duration is unknown, so its steps cannot be placed.
            place(waitingFirst, waitingFirst.timeUs(), -1);
            waitingFirst = null;
        }
        if (save != null && save.ended()) {
            write(save, lastEventUs, PhaseKind.CHECKPOINT_SAVE);
        }
        if (eval != null && eval.ended()) {
            write(eval, lastEventUs, PhaseKind.EVALUATION);
        }
        long endUs;
        if (at != Times.UNKNOWN) {
            endUs = at;
        } else {
            endUs = Math.max(lastLineUs, lastEventUs == Times.UNKNOWN ? startUs : lastEventUs);
        }
        if (end != null && end.timeUs() != Times.UNKNOWN && at == Times.UNKNOWN) {
            endUs = Math.max(end.timeUs(), lastEventUs == Times.UNKNOWN ? end.timeUs() : lastEventUs);
        }
        endUs = Math.max(endUs, startUs);
        EndReason reason = end != null ? end.reason() : failed ? EndReason.FAULT : null;
        closed.add(new TrainerAttempt(startUs, startSource, why, endUs, lastLineSource, reason, faults));
        floorUs = endUs;
    }

    /**
     * Writes the attempts: the scheduler's jobs that started, with the trainer's attempts matched to them
     * ({@link JobMatcher}), else the trainer's own. One whose log does not say how it ended is a disruption of unknown
     * cause when another follows; the last one ended normally at its last line (or is still running: the log cannot
     * tell).
     *
     * @param jobs        the scheduler's jobs (none when no scheduler record was given)
     * @param sideFaults  the faults of the logs that are no job's (node logs, Kubernetes events)
     * @param givenOffset the clock offset (µs) given for a file ({@code --clock-offset})
     */
    void finish(List<SchedulerJobs.Job> jobs, List<FaultEvent> sideFaults,
                java.util.function.ToLongFunction<String> givenOffset) {
        List<SchedulerJobs.Job> started = SchedulerJobs.started(jobs);
        if (!started.isEmpty()) {
            JobMatcher.write(closed, started, settings.worldSize(), givenOffset, sideFaults, run);
            return;
        }
        if (!jobs.isEmpty()) {
            run.problem(Problem.warning(jobs.get(0).source(), (jobs.size() == 1 ? "the scheduler's job did not start"
                    : "none of the scheduler's " + jobs.size() + " jobs started") + " (PENDING, cancelled in the "
                    + "queue, or no Start column): the attempts are the trainer logs' own"));
        }
        for (int i = 0; i < closed.size(); i++) {
            TrainerAttempt c = closed.get(i);
            boolean last = i == closed.size() - 1;
            run.jobStart(c.startUs(), 0, 0, c.source(), c.why()); // the run's accelerators (RunSettings)
            EndReason reason = c.reason() != null ? c.reason() : last ? EndReason.COMPLETED : EndReason.UNKNOWN;
            run.jobEnd(c.endUs(), reason, c.source());
        }
    }

    RunMetadata metadata(String firstFile) {
        String name = new Source(firstFile, 0).fileName().replaceAll("\\.(log|txt|out|json)(\\.gz)?$", "");
        double peak = Double.NaN;
        if (!peaksFromMfu.isEmpty()) {
            double[] p = peaksFromMfu.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(p);
            peak = p[p.length / 2];
        }
        return settings.metadata(name, anyRate, ratesFromMfu, peak);
    }
}
