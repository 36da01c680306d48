package dev.goodput.core.sim;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates a long synchronous training job that interrupts as often as a failure table says, and
 * returns it as an imported {@link Run} would look. Deterministic: one seed, one run.
 *
 * <p>Each attempt logs a job start, provisioning, training prep and (after the first save) a checkpoint
 * restore, then steps from the one after the last checkpoint, so steps run since that checkpoint are
 * executed again: wasted progress. A fault hits whatever is running (the step in flight is logged by
 * its start only); the job is torn down after a detection delay and starts again after a rescheduling
 * delay. A planned maintenance stop waits for a step boundary, saves a checkpoint and ends the attempt as
 * cancelled, with the maintenance logged as downtime. Some faults and job ends go unlogged
 * ({@link LogGaps}), as in real logs.
 */
public final class RunSimulator {
    /** Every simulated fact names this source (no file line: nothing was read). */
    public static final Source SOURCE = new Source("simulator", 0);

    private enum Ending { COMPLETED, FAULT, PLANNED }

    private final SimulationSpec spec;
    private final RunBuilder run = new RunBuilder();
    private final InterruptionClock clock;
    private final DurationSampler stepTimes;
    private final DurationSampler costs;
    /** Log gaps and where faults strike: kept apart so changing them leaves timings alone. */
    private final SplittableRandom logRandom;
    private final long endUs;
    private long now;
    private long lastCheckpoint;
    private Interruption fault;

    private RunSimulator(SimulationSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        this.spec = spec;
        this.clock = new InterruptionClock(spec.failures(), spec.cluster().accelerators(), root.split(),
                spec.startUs());
        this.stepTimes = new DurationSampler(root.split());
        this.costs = new DurationSampler(root.split());
        this.logRandom = root.split();
        this.endUs = spec.endUs();
    }

    public static Run simulate(SimulationSpec spec) {
        RunSimulator sim = new RunSimulator(spec);
        sim.runAttempts();
        return sim.run.build();
    }

    private void runAttempts() {
        run.metadata(spec.metadata(), SOURCE);
        now = spec.startUs();
        while (true) {
            run.jobStart(now, 0, 0, SOURCE);
            Ending ending = attempt();
            if (ending == Ending.COMPLETED) {
                return;
            }
            if (ending == Ending.FAULT) {
                recoverFromFault();
            }
            if (now >= endUs) {
                return; // the observed period ends while the job is down
            }
            clock.restartAt(now);
        }
    }

    private Ending attempt() {
        RestartCosts r = spec.restart();
        if (!phase(PhaseKind.PROVISIONING, costs.lognormal(r.provisioning(), r.variability()))
                || !phase(PhaseKind.TRAINING_PREP, costs.lognormal(r.trainingPrep(), r.variability()))) {
            return Ending.FAULT;
        }
        if (lastCheckpoint > 0
                && !phase(PhaseKind.CHECKPOINT_RESTORE, costs.lognormal(r.checkpointRestore(), r.variability()))) {
            return Ending.FAULT;
        }
        Cadence cadence = spec.cadence();
        boolean first = true;
        for (long step = lastCheckpoint + 1; ; step++) {
            if (now >= endUs) {
                run.jobEnd(now, EndReason.COMPLETED, SOURCE);
                return Ending.COMPLETED;
            }
            if (!first && clock.plannedBy(now) != null) {
                return stopForMaintenance(step - 1);
            }
            long d = stepTimes.step(spec.steps());
            if (first) {
                d += costs.lognormal(r.firstStepExcess(), r.variability());
            }
            if (hitBefore(now + d)) {
                run.step(step, now, Times.UNKNOWN, -1, SOURCE); // in flight: its end never comes
                return Ending.FAULT;
            }
            run.step(step, now, now + d, -1, SOURCE);
            now += d;
            first = false;
            if (step % cadence.checkpointEverySteps() == 0 && !checkpoint(step)) {
                return Ending.FAULT;
            }
            if (cadence.evalEverySteps() > 0 && step % cadence.evalEverySteps() == 0
                    && !phase(PhaseKind.EVALUATION, costs.lognormal(cadence.evalSeconds(), 0.1))) {
                return Ending.FAULT;
            }
        }
    }

    /** Runs a phase of {@code durationUs}; false when a fault cut it short (it is logged up to the fault). */
    private boolean phase(PhaseKind kind, long durationUs) {
        long end = now + durationUs;
        boolean hit = hitBefore(end);
        if (hit) {
            end = fault.timeUs();
        }
        if (end > now) {
            run.phase(new Phase(kind, kind.id(), now, end, null, SOURCE));
        }
        now = end;
        return !hit;
    }

    /** Saves after {@code step}; a save a fault interrupts never completes, so it is not logged. */
    private boolean checkpoint(long step) {
        long blocking = costs.lognormal(spec.cadence().checkpointBlockingSeconds(), 0.2);
        if (hitBefore(now + blocking)) {
            return false;
        }
        run.checkpoint(new Checkpoint(step, now, blocking, SOURCE));
        now += blocking;
        lastCheckpoint = step;
        return true;
    }

    private Ending stopForMaintenance(long lastStep) {
        if (lastStep > lastCheckpoint && !checkpoint(lastStep)) {
            return Ending.FAULT;
        }
        run.jobEnd(now, EndReason.CANCELLED, SOURCE);
        long back = now + costs.lognormal(spec.restart().plannedDowntime(), spec.restart().variability());
        run.downtime(new Downtime(DowntimeKind.MAINTENANCE, now, back, null, SOURCE));
        now = back;
        return Ending.PLANNED;
    }

    private boolean hitBefore(long t) {
        fault = clock.faultBefore(t);
        return fault != null;
    }

    /** Logs the fault (unless it goes unlogged), the job's end after detection, and waits to restart. */
    private void recoverFromFault() {
        RestartCosts r = spec.restart();
        Cluster cluster = spec.cluster();
        int rank = logRandom.nextInt(cluster.accelerators());
        boolean faultLogged = logRandom.nextDouble() >= spec.logGaps().unloggedFaultFraction();
        boolean endLogged = logRandom.nextDouble() >= spec.logGaps().unloggedEndFraction();
        long t = fault.timeUs();
        if (faultLogged) {
            String node = String.format(Locale.ROOT, "node-%04d", rank / cluster.acceleratorsPerNode());
            run.fault(new FaultEvent(t, fault.cause().cause(), FaultMessages.forCause(fault.cause()), node, rank,
                    null, SOURCE));
        }
        long down = t + costs.lognormal(r.detection(), r.variability());
        if (endLogged) {
            run.jobEnd(down, EndReason.FAULT, SOURCE);
        }
        now = down + costs.lognormal(r.reschedule(), r.variability());
        fault = null;
    }
}
