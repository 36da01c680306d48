package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;

/**
 * Hand-built runs for worked examples: 8 accelerators of 100 TFLOP/s, 1.6e15 FLOPs per step, steps of 4 s,
 * so MFU = 1.6e15 / (4 s × 8 × 1e14) = 0.5. Times in seconds after {@link #T0}; every record on its own line
 * of "tiny.jsonl".
 */
final class TinyRun {
    static final long T0 = 1_700_000_000L * 1_000_000L;
    static final String FILE = "logs/tiny.jsonl";
    private final RunBuilder b = new RunBuilder();
    private int line = 1;

    TinyRun() {
        b.metadata(new RunMetadata("tiny", "X", 8, 1e14, "bf16", 1.6e15, Double.NaN, Double.NaN, 0, 0, 0, 0, null,
                null), src());
    }

    /**
     * The 100 s example: steps 0..9 over 0..40 s; the job is gone 40..50 s with no logged reason (unattributed
     * downtime, one disruption); steps 10..21 over 50..98 s; a clean end at 100 s (2 s shutdown).
     */
    static TinyRun hundredSeconds() {
        TinyRun r = new TinyRun();
        r.start(0).steps(0, 9, 0).end(40, EndReason.UNKNOWN);
        r.start(50).steps(10, 21, 50).end(100, EndReason.COMPLETED);
        return r;
    }

    /**
     * The same, but a GPU fault at 40 s ends the first attempt at 45 s: 40..50 s is lost to faulty_gpu,
     * decided by the fault's line (line 13).
     */
    static TinyRun hundredSecondsWithFault(String message) {
        TinyRun r = new TinyRun();
        r.start(0).steps(0, 9, 0).fault(40, "faulty_gpu", message).end(45, EndReason.FAULT);
        r.start(50).steps(10, 21, 50).end(100, EndReason.COMPLETED);
        return r;
    }

    TinyRun start(double s) {
        b.jobStart(us(s), 0, 0, src());
        return this;
    }

    TinyRun end(double s, EndReason reason) {
        b.jobEnd(us(s), reason, src());
        return this;
    }

    /** Steps first..last of 4 s each from {@code start}. */
    TinyRun steps(long first, long last, double start) {
        double t = start;
        for (long n = first; n <= last; n++, t += 4) {
            b.step(n, us(t), us(t + 4), -1, src());
        }
        return this;
    }

    TinyRun fault(double s, String cause, String message) {
        b.fault(new FaultEvent(us(s), cause, message, "node-1", 0, null, src()));
        return this;
    }

    Derivation derive() {
        return derive(DerivationSettings.defaults());
    }

    Derivation derive(DerivationSettings settings) {
        return GoodputDeriver.derive(b.build(), settings);
    }

    static long us(double seconds) {
        return T0 + Math.round(seconds * 1e6);
    }

    private Source src() {
        return new Source(FILE, line++);
    }
}
