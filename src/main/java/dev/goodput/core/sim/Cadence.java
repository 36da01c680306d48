package dev.goodput.core.sim;

/**
 * Periodic pauses in training.
 *
 * @param checkpointEverySteps      a checkpoint is saved after every step that is a multiple of this
 * @param checkpointBlockingSeconds training pauses this long per save (the rest is written asynchronously)
 * @param evalEverySteps            an evaluation runs after every step that is a multiple of this (0: never)
 * @param evalSeconds               mean evaluation time
 */
public record Cadence(int checkpointEverySteps, double checkpointBlockingSeconds, int evalEverySteps,
                      double evalSeconds) {
    public Cadence {
        if (checkpointEverySteps <= 0 || evalEverySteps < 0 || checkpointBlockingSeconds < 0 || evalSeconds < 0) {
            throw new IllegalArgumentException("expected a positive checkpoint interval and non-negative times");
        }
    }

    /**
     * Assumed, not published: a save every 100 steps (~11 min at 6.7 s) blocking 10 s, an eval every 1,000
     * steps for 60 s. Llama 3 stores each GPU's state (1 MB–4 GB) on Tectonic at 2 TB/s sustained, 7 TB/s peak
     * (paper 3.3.1), and aims for short pauses and frequent saves; 16 B/parameter × 405B ≈ 6.5 TB would take
     * ~1–3 s of raw I/O, so 10 s leaves room for snapshotting and stragglers.
     */
    public static Cadence llama3Assumed() {
        return new Cadence(100, 10, 1000, 60);
    }

    public Cadence withCheckpointEverySteps(int n) {
        return new Cadence(n, checkpointBlockingSeconds, evalEverySteps, evalSeconds);
    }

    public Cadence withEvalEverySteps(int n) {
        return new Cadence(checkpointEverySteps, checkpointBlockingSeconds, n, evalSeconds);
    }
}
