package dev.goodput.core.sim;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample loads strictly and is exactly what its README's command produces. */
class SampleRunTest {
    static final Path SAMPLE = Path.of("sample-runs", "llama3-54day-sim", "run.jsonl.gz");

    /** The spec behind the README's {@code goodput simulate ...} command. */
    static SimulationSpec sampleSpec() {
        return SimulationSpec.llama3(405).withDays(54).withAccelerators(16_384)
                .withName("llama3-54day-sim: Llama 3 405B-like pre-training on 16,384 H100s, 32M-token batch "
                        + "(seed 405)")
                .withTokensPerStep(33_554_432L)
                .withCadence(Cadence.llama3Assumed().withCheckpointEverySteps(50).withEvalEverySteps(500));
    }

    @Test
    void sampleStaysSmallAndLoadsStrictly() throws Exception {
        assertTrue(Files.size(SAMPLE) <= 5_000_000, "sample is " + Files.size(SAMPLE) + " bytes");
        Run loaded = load();
        assertTrue(loaded.problems().stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR));
        assertTrue(loaded.steps().size() > 300_000);
        assertTrue(loaded.attempts().size() > 300);
    }

    @Test
    void sampleIsWhatTheSimulatorProducesAndRoundTripsToTheSameGoodputs() throws Exception {
        Run loaded = load();
        Run simulated = RunSimulator.simulate(sampleSpec());
        assertEquals(simulated.metadata(), loaded.metadata());
        assertEquals(simulated.steps(), loaded.steps());
        assertEquals(simulated.attempts().size(), loaded.attempts().size());
        assertEquals(simulated.faults().size(), loaded.faults().size());
        assertEquals(simulated.checkpoints().size(), loaded.checkpoints().size());
        assertEquals(simulated.phases().size(), loaded.phases().size());

        GoodputReport a = GoodputDeriver.derive(simulated, DerivationSettings.defaults()).report();
        GoodputReport b = GoodputDeriver.derive(loaded, DerivationSettings.defaults()).report();
        assertEquals(a.goodput(), b.goodput());
        assertEquals(a.disruptions(), b.disruptions());
        // Every unplanned end is a disruption, including the last attempt's: it dies with no job_end logged,
        // so its fault is the log's last event and lies exactly on the default window's end.
        assertEquals(RunSimulatorTest.unplannedEnds(loaded), b.disruptions());
    }

    private static Run load() throws InputException {
        return new RunLoader(LoadMode.STRICT).load(List.of(SAMPLE));
    }
}
