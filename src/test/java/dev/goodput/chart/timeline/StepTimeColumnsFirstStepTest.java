package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step-time lane leaves out each attempt's first step, as the report's statistics do: it is not anomalous. */
class StepTimeColumnsFirstStepTest {
    private static final long S = 1_000_000L;

    @Test
    void theFirstStepOfEachAttemptIsNotDrawnAsAnomalous() {
        RunBuilder b = new RunBuilder();
        Source src = new Source("run.log", 1);
        long t = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            b.jobStart(t, 8, 8, src);
            for (int i = 0; i < 20; i++) {
                long d = i == 0 ? 30 * S : 10 * S; // the first step compiles
                b.step(attempt * 20 + i + 1, t, t + d, -1, src);
                t += d;
            }
            b.jobEnd(t, attempt == 0 ? EndReason.FAULT : EndReason.COMPLETED, src);
            t += 60 * S;
        }
        Derivation d = GoodputDeriver.derive(b.build(), DerivationSettings.defaults());
        assertEquals(0, d.report().steps().anomalous().size());
        StepTimeColumns c = StepTimeColumns.of(d);
        float max = 0;
        for (float v : c.slowest(d.window().startUs(), d.window().endUs(), 200)) {
            max = Math.max(max, v);
        }
        assertEquals(10.0, max, 1e-6);
        assertTrue(max <= c.anomalySeconds());
    }
}
