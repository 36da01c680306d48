package dev.goodput.core.derive;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

/** Builds small runs for worked examples, with times in seconds after an arbitrary epoch. */
final class RunFixture {
    static final long T0 = 1_700_000_000L * 1_000_000L;
    private final RunBuilder b = new RunBuilder();
    private int line = 1;

    RunFixture accelerators(int n) {
        b.metadata(new RunMetadata("fixture", "H100", n, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0,
                0, null, null), src());
        return this;
    }

    RunFixture metadata(RunMetadata m) {
        b.metadata(m, src());
        return this;
    }

    RunFixture start(double s) {
        b.jobStart(us(s), 0, 0, src());
        return this;
    }

    RunFixture start(double s, int allocated, int inUse) {
        b.jobStart(us(s), allocated, inUse, src());
        return this;
    }

    RunFixture end(double s, EndReason reason) {
        b.jobEnd(us(s), reason, src());
        return this;
    }

    /** A step with a logged end. */
    RunFixture step(long n, double start, double end) {
        b.step(n, us(start), us(end), -1, src());
        return this;
    }

    /** A step with a logged end and its token count. */
    RunFixture step(long n, double start, double end, long tokens) {
        b.step(n, us(start), us(end), tokens, src());
        return this;
    }

    /** A step with a logged end and the model FLOP/s per accelerator its trainer reported (NaN: none). */
    RunFixture stepWithRate(long n, double start, double end, double flopRate) {
        b.step(n, us(start), us(end), -1, flopRate, src());
        return this;
    }

    /** Consecutive steps first..last of {@code each} seconds and {@code tokens} tokens; returns the end time. */
    double steps(long first, long last, double start, double each, long tokens) {
        double t = start;
        for (long n = first; n <= last; n++) {
            step(n, t, t + each, tokens);
            t += each;
        }
        return t;
    }

    /** A step logged by its start only (as ml-goodput-measurement does). */
    RunFixture stepStart(long n, double start) {
        b.step(n, us(start), Times.UNKNOWN, -1, src());
        return this;
    }

    /** Consecutive steps first..last of {@code each} seconds from {@code start}; returns the end time. */
    double steps(long first, long last, double start, double each) {
        double t = start;
        for (long n = first; n <= last; n++) {
            step(n, t, t + each);
            t += each;
        }
        return t;
    }

    RunFixture phase(PhaseKind kind, double start, double end) {
        b.phase(new Phase(kind, kind.id(), us(start), us(end), null, src()));
        return this;
    }

    RunFixture checkpoint(long step, double time, double blocking) {
        b.checkpoint(new Checkpoint(step, us(time), us(blocking) - T0, src()));
        return this;
    }

    RunFixture fault(double time, String cause) {
        return fault(time, cause, "fixture fault");
    }

    /** A fault with the words of a real log line, which the derivation reads (an NCCL watchdog's timeout). */
    RunFixture fault(double time, String cause, String message) {
        b.fault(new FaultEvent(us(time), cause, message, "node-1", 0, null, src()));
        return this;
    }

    /** A job start on {@code nodes}, the hosts its scheduler gave it. */
    RunFixture startOn(double s, String... nodes) {
        b.jobStart(us(s), 0, 0, 0, java.util.List.of(nodes), src(), null);
        return this;
    }

    /** A fault whose record names {@code layer} (null: none). */
    RunFixture layeredFault(double time, String cause, dev.goodput.core.model.Layer layer) {
        b.fault(new FaultEvent(us(time), cause, "fixture fault", null, -1, layer, src()));
        return this;
    }

    /** A fault on {@code node} (null: none named). */
    RunFixture faultOn(double time, String cause, String message, String node) {
        b.fault(new FaultEvent(us(time), cause, message, node, -1, null, src()));
        return this;
    }

    /** A job start with {@code hotSpares} of the allocation held in reserve. */
    RunFixture start(double s, int allocated, int inUse, int hotSpares) {
        b.jobStart(us(s), allocated, inUse, hotSpares, src(), null);
        return this;
    }

    /** The line the next record will be given: tests name a record's source with it before adding it. */
    int nextLine() {
        return line;
    }

    RunFixture downtime(dev.goodput.core.model.DowntimeKind kind, double start, double end) {
        return downtime(kind, start, end, null);
    }

    /** Logged downtime with a cause of its own (null: the kind's). */
    RunFixture downtime(dev.goodput.core.model.DowntimeKind kind, double start, double end, String cause) {
        b.downtime(new dev.goodput.core.model.Downtime(kind, us(start), us(end), cause, src()));
        return this;
    }

    Run build() {
        return b.build();
    }

    Derivation derive() {
        return GoodputDeriver.derive(build(), DerivationSettings.defaults());
    }

    static long us(double seconds) {
        return T0 + Math.round(seconds * 1e6);
    }

    private Source src() {
        return new Source("fixture.jsonl", line++);
    }
}
