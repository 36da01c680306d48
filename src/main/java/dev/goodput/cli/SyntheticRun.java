package dev.goodput.cli;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;

import java.util.SplittableRandom;

/**
 * A large, deterministic run for benchmarks: {@code steps} step executions of ~6 s with jitter, a
 * checkpoint every 500 steps and a crash every ~20,000 steps that rolls back to the last checkpoint.
 */
final class SyntheticRun {
    private SyntheticRun() {
    }

    static Run of(int steps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RunBuilder b = new RunBuilder();
        Source src = new Source("synthetic", 0);
        b.metadata(new RunMetadata("synthetic-" + steps, "H100-SXM5-80GB", 1024, 989e12, "bf16", Double.NaN,
                70e9, 4_194_304, 0, 0, 0, 0, null, null), src);
        long t = 1_700_000_000_000_000L;
        b.jobStart(t, 0, 0, src);
        long step = 0;
        long lastCheckpoint = 0;
        for (int i = 0; i < steps; i++) {
            long d = 6_000_000L + r.nextLong(200_000L);
            b.step(step, t, t + d, 4_194_304, src);
            t += d;
            step++;
            if (step % 500 == 0) {
                b.checkpoint(new Checkpoint(step, t, 2_000_000L, src));
                t += 2_000_000L;
                lastCheckpoint = step;
            }
            if (r.nextInt(20_000) == 0) {
                b.fault(new FaultEvent(t, "faulty_gpu", "Xid 79", "node-" + r.nextInt(128), -1, null, src));
                b.jobEnd(t + 60_000_000L, EndReason.FAULT, src);
                t += 600_000_000L;
                b.jobStart(t, 0, 0, src);
                step = lastCheckpoint;
            }
        }
        b.jobEnd(t, EndReason.COMPLETED, src);
        return b.build();
    }
}
