package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.util.function.LongUnaryOperator;

/**
 * Changes the times of events (placing yearless times in their year, shifting a file by its clock offset), leaving
 * unknown times unknown.
 */
final class EventTimes {
    private EventTimes() {
    }

    static TrainerEvent map(TrainerEvent e, LongUnaryOperator f) {
        LongUnaryOperator g = t -> t == Times.UNKNOWN ? t : f.applyAsLong(t);
        long t = g.applyAsLong(e.timeUs());
        if (e instanceof TrainerEvent.Steps s) {
            return new TrainerEvent.Steps(t, s.source(), s.lastStep(), s.count(), s.stepUs(), s.batch(), s.tokens(),
                    s.flopRate(), s.mfu(), s.skipped());
        } else if (e instanceof TrainerEvent.CheckpointSave c) {
            return new TrainerEvent.CheckpointSave(t, c.source(), c.step(), c.edge(), c.durationUs());
        } else if (e instanceof TrainerEvent.CheckpointLoad c) {
            return new TrainerEvent.CheckpointLoad(t, c.source(), c.step(), c.edge(), c.durationUs());
        } else if (e instanceof TrainerEvent.Evaluation v) {
            return new TrainerEvent.Evaluation(t, v.source(), v.edge(), v.durationUs());
        } else if (e instanceof TrainerEvent.Launch l) {
            return new TrainerEvent.Launch(t, l.source(), l.what());
        } else if (e instanceof TrainerEvent.Marker m) {
            return new TrainerEvent.Marker(t, m.source(), m.what());
        } else if (e instanceof TrainerEvent.Restart r) {
            return new TrainerEvent.Restart(t, r.source(), r.message());
        } else if (e instanceof TrainerEvent.Fault x) {
            return new TrainerEvent.Fault(t, x.source(), x.cause(), x.message(), x.rank(), x.node(), x.layer(),
                    x.rule());
        } else if (e instanceof TrainerEvent.End d) {
            return new TrainerEvent.End(t, d.source(), d.reason(), d.message());
        } else if (e instanceof TrainerEvent.Activity a) {
            return new TrainerEvent.Activity(t, a.source(), g.applyAsLong(a.endUs()), a.endSource());
        } else if (e instanceof TrainerEvent.SchedulerJob j) {
            return new TrainerEvent.SchedulerJob(t, j.source(), j.jobId(), j.stepId(), j.name(),
                    g.applyAsLong(j.submitUs()), g.applyAsLong(j.startUs()), g.applyAsLong(j.endUs()), j.state(),
                    j.reason(), j.nodes(), j.exitCode(), j.accelerators());
        } else if (e instanceof TrainerEvent.Setting s) {
            return new TrainerEvent.Setting(t, s.source(), s.key(), s.value());
        }
        throw new IllegalArgumentException("unknown event " + e);
    }
}
