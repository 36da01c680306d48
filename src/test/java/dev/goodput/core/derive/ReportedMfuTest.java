package dev.goodput.core.derive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.ReportedFlops;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.MfuDetails;
import dev.goodput.core.report.ReportJsonWriter;
import dev.goodput.core.report.ReportTextWriter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the MFU comes from (profile, run log, the trainer's own figure), each worked out by hand. */
class ReportedMfuTest {
    private static final double EPS = 1e-12;
    private static final ReportedFlops MEGATRON = new ReportedFlops("Megatron-LM throughput per GPU (TFLOP/s/GPU)",
            false, false);

    private static RunMetadata metadata(double peak, double flopsPerStep, FlopConvention convention,
                                        ReportedFlops reported) {
        return new RunMetadata("reported", "H100", 8, peak, "bf16", flopsPerStep, Double.NaN, Double.NaN, 0, 0, 0, 0,
                convention, null, reported);
    }

    /**
     * 2 warm-up steps, then 4 steps of 10 s at 400 TFLOP/s and 4 of 10.4 s at 500 TFLOP/s per accelerator (within
     * 5% of each other: none is slow). With {@code every} = false only steps 2, 5 and 8 carry a rate.
     */
    private static GoodputReport derive(RunMetadata m, boolean every, DerivationSettings settings) {
        RunFixture f = new RunFixture().metadata(m);
        f.start(0);
        double t = 0;
        for (int n = 0; n < 10; n++) {
            double d = n < 6 ? 10 : 10.4;
            double rate = n < 6 ? 4e14 : 5e14;
            f.stepWithRate(n, t, t + d, every || n == 2 || n == 5 || n == 8 ? rate : Double.NaN);
            t += d;
        }
        f.end(t, EndReason.COMPLETED);
        return GoodputDeriver.derive(f.build(), settings).report();
    }

    private static GoodputReport derive(RunMetadata m) {
        return derive(m, true, DerivationSettings.defaults());
    }

    @Test
    void theTrainersFlopRateOverThePeakWeightedByStepTime() {
        // MFU = (4e14 x 4 x 10 s + 5e14 x 4 x 10.4 s) / ((40 s + 41.6 s) x 1e15) = 3.68e16 / 8.16e16 = 0.45098...
        // (the plain mean of the rates over the peak would be 0.45).
        GoodputReport r = derive(metadata(1e15, Double.NaN, FlopConvention.REPORTED, MEGATRON));
        MfuDetails m = r.mfu();
        assertEquals(3.68e16 / 8.16e16, m.mfu(), EPS);
        assertEquals(m.mfu(), r.goodput().model(), EPS);
        assertEquals(MfuDetails.TRAINER_FLOPS, m.source());
        assertEquals(MEGATRON.figure(), m.figure());
        assertEquals("reported", m.convention());
        assertEquals(8, m.steadySteps());
        assertEquals(81.6, m.steadySeconds(), 1e-9);
        // The FLOPs per step it implies, on 8 accelerators: (4e14 x 10 x 4 + 5e14 x 10.4 x 4) x 8 / 8 steps.
        assertEquals((4e14 * 10 * 4 + 5e14 * 10.4 * 4) * 8 / 8, m.flopsPerStep(), 1e3);
        assertEquals("MFU from the trainer's own figure: Megatron-LM throughput per GPU (TFLOP/s/GPU) ÷ peak "
                + "1000 TFLOP/s", m.sourceLine());
        assertTrue(text(r).contains("\n  MFU from the trainer's own figure: Megatron-LM throughput per GPU "
                + "(TFLOP/s/GPU) ÷ peak 1000 TFLOP/s\n"), text(r));
        JsonNode json = ReportJsonWriter.toJson(r).get("mfu");
        assertEquals("trainer-flops", json.get("source").asText());
        assertEquals(MEGATRON.figure(), json.get("figure").asText());
    }

    @Test
    void theTrainersMfuAgainstItsOwnPeak() {
        // torchtitan logs an MFU of 40% against its H100 peak of 989.4 TFLOP/s: the importer gives the rate as
        // MFU x peak and that peak as the run's, so the MFU is the trainer's 40%.
        ReportedFlops titan = new ReportedFlops("torchtitan mfu(%)", true, false);
        RunFixture f = new RunFixture().metadata(metadata(989.4e12, Double.NaN, FlopConvention.REPORTED, titan));
        f.start(0);
        for (int n = 0; n < 8; n++) {
            f.stepWithRate(n, n * 5.0, n * 5.0 + 5, 0.40 * 989.4e12);
        }
        f.end(40, EndReason.COMPLETED);
        MfuDetails m = f.derive().report().mfu();
        assertEquals(0.40, m.mfu(), EPS);
        assertEquals(MfuDetails.TRAINER_MFU, m.source());
        assertEquals("MFU from the trainer's own figure: torchtitan mfu(%) (its MFU, against its peak "
                + "989.4 TFLOP/s)", m.sourceLine());
    }

    @Test
    void withNoConventionNamedAndNothingToCountFlopsFromTheStepsRatesAreUsed() {
        // No convention, no flops_per_step, no parameters, no ReportedFlops: the steps' rates still give the MFU.
        // Only steps 2, 5 and 8 carry one (3 of the 8 steady-state steps): MFU on those,
        // (4e14 x 10 + 5e14 x 10 + 5e14 x 10.4) / (30.4 s x 1e15), with a warning.
        GoodputReport r = derive(metadata(1e15, Double.NaN, null, null), false, DerivationSettings.defaults());
        MfuDetails m = r.mfu();
        assertEquals((4e14 * 10 + 4e14 * 10 + 5e14 * 10.4) / (30.4 * 1e15), m.mfu(), EPS);
        assertEquals(MfuDetails.TRAINER_FLOPS, m.source());
        assertNull(m.figure());
        assertEquals(3, m.steadySteps());
        assertTrue(warned(r, "only 3 of 8 steady-state steps carry"), r.warnings().toString());
        assertEquals("MFU from the trainer's own figure: its model FLOP/s per accelerator ÷ peak 1000 TFLOP/s",
                m.sourceLine());
    }

    @Test
    void withoutAPeakTheModelGoodputIsUnknownAndTheWarningSaysWhatToGive() {
        GoodputReport r = derive(metadata(Double.NaN, Double.NaN, FlopConvention.REPORTED, MEGATRON));
        assertNull(r.goodput().model());
        assertNull(r.goodput().overall());
        assertEquals(MfuDetails.TRAINER_FLOPS, r.mfu().source());
        assertTrue(warned(r, "--peak-flops") && warned(r, "accelerator type"), r.warnings().toString());
        // --peak-flops gives it: 0.45098... as above.
        GoodputReport given = derive(metadata(Double.NaN, Double.NaN, FlopConvention.REPORTED, MEGATRON), true,
                DerivationSettings.defaults().withPeakOverride(1e15));
        assertEquals(3.68e16 / 8.16e16, given.goodput().model(), EPS);
    }

    @Test
    void aFigureCountingRecomputationIsReportedAsOverstated() {
        ReportedFlops hardware = new ReportedFlops("Megatron-DeepSpeed TFLOPs (checkpointed activations)", false,
                true);
        GoodputReport r = derive(metadata(1e15, Double.NaN, FlopConvention.REPORTED, hardware));
        assertEquals(3.68e16 / 8.16e16, r.goodput().model(), EPS);
        assertTrue(warned(r, "counts activation recomputation (hardware FLOPs)") && warned(r, "overstated"),
                r.warnings().toString());
    }

    @Test
    void flopsFromTheRunLogWinOverTheStepsRates() {
        // flops_per_step 3.6e16 in the header: the run-log convention applies, whatever the steps report.
        // MFU = 3.6e16 x 8 steps / ((4 x 10 s + 4 x 10.4 s) x 8 accelerators x 1e15) = 2.88e17 / 6.528e17.
        GoodputReport r = derive(metadata(1e15, 3.6e16, null, MEGATRON));
        MfuDetails m = r.mfu();
        assertEquals(2.88e17 / 6.528e17, m.mfu(), EPS);
        assertEquals(MfuDetails.RUN_LOG, m.source());
        assertEquals("given", m.convention());
        assertNull(m.figure());
        assertEquals("MFU from the run log's FLOPs per step (given) ÷ peak 1000 TFLOP/s", m.sourceLine());
    }

    @Test
    void aProfilesMeasuredModelLayerWinsOverEverything() {
        MfuDetails profiled = new MfuDetails(0.3, 0.3, "profile counted", 1e15, 1e15, "bf16", "H100", 10, 1.0,
                "from 1 profiled rank", MfuDetails.PROFILE, null);
        MeasuredModelLayer layer = new MeasuredModelLayer(0.3, Map.of(CauseCatalog.GPU_IDLE, 0.7), profiled);
        GoodputReport r = derive(metadata(1e15, 3.6e16, FlopConvention.REPORTED, MEGATRON), true,
                DerivationSettings.defaults().withMeasuredModel(layer));
        assertEquals(0.3, r.goodput().model(), EPS);
        assertEquals(MfuDetails.PROFILE, r.mfu().source());
        assertEquals(r.productiveSeconds() * 0.7, ReportLookup.seconds(r, "gpu_idle"), 1e-9);
    }

    @Test
    void noSourceWhenTheRunGivesNoWayToTheMfu() {
        GoodputReport r = derive(metadata(1e15, Double.NaN, null, null), true, DerivationSettings.defaults()
                .withWarmupSteps(20)); // no steady-state step, so no step's rate can decide
        assertNull(r.mfu().source());
        assertNull(r.mfu().sourceLine());
        assertTrue(ReportJsonWriter.toJson(r).get("mfu").get("source").isNull());
    }

    private static boolean warned(GoodputReport r, String text) {
        return r.warnings().stream().map(Problem::message).anyMatch(m -> m.contains(text));
    }

    private static String text(GoodputReport r) {
        StringWriter w = new StringWriter();
        try {
            new ReportTextWriter().write(r, w);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }
}
