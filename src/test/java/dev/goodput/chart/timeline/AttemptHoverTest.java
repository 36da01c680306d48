package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hovering an attempt says which it is, how it ended and why it was found. */
class AttemptHoverTest {
    private static final long S = 1_000_000L;

    @Test
    void saysWhyEachAttemptWasFound() {
        RunBuilder b = new RunBuilder();
        Source banner = new Source("job2.log", 17);
        b.jobStart(0, 8, 8, new Source("job1.log", 1), "first line of job1.log");
        for (int i = 0; i < 5; i++) {
            b.step(i + 1, (10 + 10 * i) * S, (20 + 10 * i) * S, -1, new Source("job1.log", 20 + i));
        }
        b.fault(new FaultEvent(65 * S, "nccl_watchdog_timeouts", "Watchdog caught collective operation timeout", null,
                3, null,
                new Source("job1.log", 40)));
        b.jobEnd(70 * S, EndReason.FAULT, new Source("job1.log", 41));
        b.jobStart(100 * S, 8, 8, banner, "start banner at job2.log:17: torchrun: starting worker group");
        b.step(6, 110 * S, 120 * S, -1, new Source("job2.log", 30));
        b.step(4, 120 * S, 130 * S, -1, new Source("job2.log", 31)); // goes back: the derivation infers a restart
        b.step(5, 130 * S, 140 * S, -1, new Source("job2.log", 32));
        Derivation d = GoodputDeriver.derive(b.build(), DerivationSettings.defaults());

        String first = AttemptHover.at(d, 30 * S, 0);
        assertTrue(first.startsWith("Attempt 1 of 3"), first);
        assertTrue(first.contains("Ended: fault: NCCL Watchdog Timeouts"), first);
        assertTrue(first.contains("Found: first line of job1.log"), first);
        String second = AttemptHover.at(d, 105 * S, 0);
        assertTrue(second.contains("Found: start banner at job2.log:17"), second);
        String third = AttemptHover.at(d, 135 * S, 0);
        assertTrue(third.contains("Found: inferred: the step at job2.log:31"), third);
        assertEquals("", AttemptHover.at(d, 85 * S, 0));
    }
}
