package dev.goodput.core.derive;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.SplittableRandom;

/**
 * Random but plausible-to-nasty runs from a seed: restarts with and without logs, repeated and skipped
 * step numbers, steps with and without ends or tokens (or in a batch-size ramp), overlapping phases, faults
 * anywhere, partial allocations.
 */
final class RandomRuns {
    private RandomRuns() {
    }

    static Run generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RunBuilder b = new RunBuilder();
        int capacity = 1 + r.nextInt(64);
        boolean withMfu = r.nextBoolean();
        b.metadata(new RunMetadata("random-" + seed, "X", capacity, withMfu ? 1e12 : Double.NaN, "bf16",
                withMfu ? 1e12 * (0.5 + r.nextDouble() * 3) : Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, null,
                r.nextBoolean() ? null : r.nextBoolean()), src(0));
        long t = 1_700_000_000_000_000L + r.nextLong(1_000_000_000L);
        // Tokens: on some steps only (compared per step), on every step in a batch-size ramp (per token), or none.
        int tokenMode = r.nextInt(3);
        // Step times: anything from 1 ms to 5 s, or regular (1% jitter, in proportion to a ramp's tokens) with
        // some steps 10% to 3x slower, so slow steps are common.
        boolean regular = r.nextBoolean();
        double base = 0.5 + r.nextDouble() * 2;
        int attempts = 1 + r.nextInt(5);
        long step = 0;
        int line = 1;
        for (int a = 0; a < attempts; a++) {
            boolean logStart = r.nextInt(5) > 0;
            if (logStart) {
                b.jobStart(t, r.nextInt(3) == 0 ? capacity : 0, r.nextInt(3) == 0 ? 1 + r.nextInt(capacity) : 0,
                        src(line++));
            }
            if (r.nextBoolean()) {
                long d = us(r, 0, 30);
                b.phase(new Phase(PhaseKind.values()[r.nextInt(PhaseKind.values().length)], "p", t, t + d,
                        r.nextInt(4) == 0 ? Layer.INFRA : null, src(line++)));
                t += d;
            }
            int steps = r.nextInt(40);
            boolean withEnds = r.nextBoolean();
            for (int s = 0; s < steps; s++) {
                long tokens = switch (tokenMode) {
                    case 0 -> r.nextInt(4) == 0 ? 1000 : -1;
                    case 1 -> 1000 * Math.min(8, 1 + step / 10);
                    default -> -1;
                };
                long d = regular ? Math.round(base * 1e6 * (tokenMode == 1 ? tokens / 1000.0 : 1)
                        * (0.99 + 0.02 * r.nextDouble()) * (r.nextInt(6) == 0 ? 1.1 + 2 * r.nextDouble() : 1))
                        : us(r, 0.001, 5);
                b.step(step, t, withEnds ? t + d : Times.UNKNOWN, tokens, src(line++));
                if (r.nextInt(8) == 0) { // something inside or across the step
                    long off = r.nextLong(d + 1);
                    long len = us(r, 0, 8);
                    b.phase(new Phase(PhaseKind.values()[r.nextInt(PhaseKind.values().length)], "x", t + off,
                            t + off + len, null, src(line++)));
                }
                if (r.nextInt(10) == 0) {
                    b.checkpoint(new Checkpoint(step, t + r.nextLong(d + 1), us(r, 0, 3), src(line++)));
                }
                t += d + (r.nextInt(6) == 0 ? us(r, 0, 2) : 0);
                step += r.nextInt(10) == 0 ? 1 + r.nextInt(3) : 1;
            }
            if (r.nextInt(3) == 0) {
                b.fault(new FaultEvent(t - r.nextLong(us(r, 0, 10) + 1), "cause_" + r.nextInt(3), "m", null, -1,
                        r.nextInt(5) == 0 ? Layer.FRAMEWORK : null, src(line++)));
            }
            t += us(r, 0, 5);
            if (r.nextInt(3) > 0) {
                b.jobEnd(t, EndReason.values()[r.nextInt(EndReason.values().length)], src(line++));
            }
            long gap = us(r, 0, 60);
            if (r.nextInt(4) == 0) {
                b.downtime(new Downtime(DowntimeKind.values()[r.nextInt(4)], t + gap / 4, t + gap / 2 + us(r, 0, 40),
                        null, src(line++)));
            }
            t += gap;
            // Roll back a few steps (a restart from a checkpoint), sometimes to 0, sometimes not at all.
            int roll = r.nextInt(4);
            step = roll == 0 ? 0 : roll == 1 ? step : Math.max(0, step - r.nextInt(10));
        }
        return b.build();
    }

    private static long us(SplittableRandom r, double lo, double hi) {
        return Math.round((lo + r.nextDouble() * (hi - lo)) * 1e6);
    }

    private static Source src(int line) {
        return new Source("random.jsonl", line);
    }
}
