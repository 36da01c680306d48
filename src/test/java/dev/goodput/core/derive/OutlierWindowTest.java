package dev.goodput.core.derive;

import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.goodput.core.derive.RunFixture.T0;
import static dev.goodput.core.derive.RunFixture.us;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Times far from all the others (a fault dated 9999 or 1970) stay out of the default window, with a warning. */
class OutlierWindowTest {
    private static final long DAY_S = 86_400;
    /** 9999-12-31T00:00:00Z in seconds after the fixture's epoch. */
    private static final double YEAR_9999_S = 253_402_214_400.0 - T0 / 1e6;

    private static RunFixture hourLongRun() {
        return new RunFixture().accelerators(8).start(0)
                .step(1, 10, 1800).step(2, 1800, 3590)
                .end(3600, EndReason.COMPLETED);
    }

    @Test
    void aFaultDated9999IsLeftOutOfTheDefaultWindowWithAWarning() {
        Derivation d = hourLongRun().fault(YEAR_9999_S, "gpu_xid").derive();
        assertEquals(new Window(us(0), us(3600)), d.window());
        assertEquals(1.0, d.report().windowSeconds() / 3600, 1e-12);
        assertTrue(d.report().warnings().contains(Problem.warning(new dev.goodput.core.model.Source("fixture.jsonl",
                        6), "fault at 9999-12-31T00:00:00Z is far from the run's other times (2023-11-14T22:13:20Z "
                        + "to 2023-11-14T23:13:20Z); left out of the default window (set a window to include it)")),
                () -> d.report().warnings().toString());
    }

    @Test
    void aJobStartIn1970IsLeftOutOfTheDefaultWindow() {
        Run run = hourLongRun().start(-T0 / 1e6 + 5).build();
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults());
        assertEquals(us(0), d.window().startUs());
        assertEquals(us(3600), d.window().endUs());
        assertTrue(d.report().warnings().stream().anyMatch(p -> p.message().startsWith(
                "job start at 1970-01-01T00:00:05Z is far from the run's other times")),
                () -> d.report().warnings().toString());
    }

    @Test
    void theUserCanStillSetAWindowThatIncludesTheOutlier() {
        Run run = hourLongRun().fault(10 * DAY_S, "gpu_xid").build();
        Window wide = new Window(us(0), us(10 * DAY_S + 1));
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults().withWindow(wide));
        assertEquals(wide, d.window());
        assertTrue(d.report().warnings().stream().noneMatch(p -> p.message().contains("far from the run's")),
                () -> d.report().warnings().toString());
    }

    @Test
    void aQueueWaitOfDaysBeforeTheFirstStartIsNoOutlier() {
        Derivation d = new RunFixture().accelerators(8)
                .downtime(DowntimeKind.QUEUE, -5 * DAY_S, 0)
                .start(0).step(1, 10, 1800).end(3600, EndReason.COMPLETED).derive();
        assertEquals(new Window(us(-5 * DAY_S), us(3600)), d.window());
        assertTrue(d.report().warnings().stream().noneMatch(p -> p.message().contains("far from the run's")));
    }

    @Test
    void anEventLessThanADayAwayIsNoOutlier() {
        Derivation d = hourLongRun().fault(3600 + 20 * 3600, "gpu_xid").derive();
        assertEquals(us(3600 + 20 * 3600), d.window().endUs());
    }

    @Test
    void aGapNoLongerThanTheRestOfTheRunIsNoOutlier() {
        // a three-day run with a fault two days after: the gap is shorter than what the rest spans
        Derivation d = new RunFixture().accelerators(8).start(0).step(1, 10, 3 * DAY_S)
                .end(3 * DAY_S, EndReason.COMPLETED).fault(5 * DAY_S, "x").derive();
        assertEquals(us(5 * DAY_S), d.window().endUs());
    }

    @Test
    void anAttemptBeforeALongOutageIsNoOutlier() {
        // an hour of ten steps, three days down (a weekend without hardware), then two hours of twenty steps
        RunFixture r = new RunFixture().accelerators(8).start(0);
        for (int i = 0; i < 10; i++) {
            r.step(i, 10 + 300 * i, 300 + 300 * i);
        }
        r.end(3600, EndReason.FAULT).start(3 * DAY_S);
        for (int i = 0; i < 20; i++) {
            r.step(10 + i, 3 * DAY_S + 10 + 300 * i, 3 * DAY_S + 300 + 300 * i);
        }
        Derivation d = r.end(3 * DAY_S + 7200, EndReason.COMPLETED).derive();
        assertEquals(new Window(us(0), us(3 * DAY_S + 7200)), d.window());
        assertTrue(d.report().warnings().stream().noneMatch(p -> p.message().contains("far from the run's")));
    }

    @Test
    void twoRecordsDatedTogetherFarAwayAreBothOutliers() {
        Derivation d = hourLongRun().fault(YEAR_9999_S, "a").fault(YEAR_9999_S + 60, "b").derive();
        assertEquals(new Window(us(0), us(3600)), d.window());
        assertEquals(2, d.report().warnings().stream().filter(p -> p.message().contains("far from the run's"))
                .count());
    }

    @Test
    void theDefaultWindowIsTheSameForTheCliAndTheWindow() {
        Run run = hourLongRun().fault(YEAR_9999_S, "gpu_xid").build();
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults());
        assertEquals(d.window(), GoodputDeriver.defaultWindow(run, d.attempts()));
    }
}
