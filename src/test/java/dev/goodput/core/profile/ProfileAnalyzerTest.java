package dev.goodput.core.profile;

import dev.goodput.core.io.InputException;
import dev.goodput.core.profile.analysis.ModelBadput;
import dev.goodput.core.profile.analysis.ProfileAnalyzer;
import dev.goodput.core.profile.analysis.ProfileSettings;
import dev.goodput.core.profile.analysis.RankProfile;
import dev.goodput.core.profile.report.ProfileReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileAnalyzerTest {
    private static final Path TRACES = Path.of("src/test/resources/traces");

    private static RankProfile analyze(String file, ProfileSettings s) throws Exception {
        return ProfileAnalyzer.analyze(new KinetoTraceReader().read(TRACES.resolve(file)), s);
    }

    @Test
    void mfuOfAShapedTraceMatchesAHandCalculation() throws Exception {
        // Qwen1.5-0.5B forward on one H100 (TraceLens trace, recorded with shapes), ProfilerStep#6:
        // leaf FLOPs = 72 addmm [8944,1024]x[1024,1024] (18,756,927,488 each) + 24 mm of that shape + 72 mm
        // [8944,1024]x[1024,2816] or its transpose (51,581,550,592 each) + 24 flash attention
        // 4*16*16*559^2*64 (20,478,754,816 each) + one rotary bmm (35,776) = 6,006,026,832,832 FLOPs.
        // Step wall time: the ProfilerStep#6 annotation, 47,151.395 us. Peak: H100 SXM dense BF16 989.4 TFLOP/s.
        RankProfile p = analyze("tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz", ProfileSettings.defaults());
        assertEquals(6_006_026_832_832.0, p.mfu().flopsPerStep(), 1.0);
        assertEquals("trace-shapes", p.mfu().convention());
        assertEquals(989.4e12, p.mfu().peakFlops(), 1e9);
        assertEquals(0.047151395, p.mfu().stepSeconds(), 1e-12);
        double expected = 6_006_026_832_832.0 / (0.047151395 * 989.4e12);
        assertEquals(expected, p.mfu().mfu(), 1e-9);
        assertEquals(0.1287, p.mfu().mfu(), 1e-4);
    }

    @Test
    void modelBadputSplitsOneMinusMfu() throws Exception {
        RankProfile p = analyze("tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz", ProfileSettings.defaults());
        ModelBadput b = p.modelBadput();
        assertNotNull(b);
        double sum = b.gpuIdle() + b.exposedCommunication() + b.memoryAndOther() + b.computeBelowPeak();
        assertEquals(1 - p.mfu().mfu(), sum, 1e-12);
        assertTrue(b.computeBelowPeak() > b.gpuIdle(), "an inference forward is compute-bound but far below peak");
    }

    @Test
    void givenFlopsAndPeakOverridesAreUsedAndNamed() throws Exception {
        // nccl_data has no shapes: FLOPs come from the run (global, divided by the 2 ranks), peak from the user.
        RankProfile p = analyze("hta/nccl_parser_config__nccl_data.json.gz",
                ProfileSettings.defaults().withFlopsPerStep(2.0e13, "6nd").withPeakFlops(3.0e14));
        assertEquals(1.0e13, p.mfu().flopsPerStep(), 1.0);
        assertEquals("6nd / 2 ranks", p.mfu().convention());
        assertEquals("override", p.mfu().peakSource());
        double meanStep = p.meanStepSeconds();
        assertEquals(1.0e13 / (meanStep * 3.0e14), p.mfu().mfu(), 1e-12);
    }

    @Test
    void withoutShapesOrPeakMfuIsUnknownAndSaysWhy() throws Exception {
        RankProfile p = analyze("hta/trace_filter__sampled_rank-0.json.gz", ProfileSettings.defaults());
        assertNull(p.mfu().mfu());
        assertTrue(p.problems().stream().anyMatch(x -> x.message().contains("no peak FLOP/s")));
    }

    @Test
    void perStepBreakdownCoversTheAnalysedSteps() throws Exception {
        RankProfile p = analyze("hta/nccl_parser_config__nccl_data.json.gz", ProfileSettings.defaults());
        assertEquals(List.of(4L, 5L), p.perStep().stream().map(s -> s.step()).toList());
        for (var s : p.perStep()) {
            assertTrue(s.wallNs() > 200_000_000L, "steps of ~220 ms");
            assertEquals(100.0, s.gpu().idlePct() + s.gpu().computePct() + s.gpu().nonComputePct(), 0.02);
        }
        assertEquals(p.overlap().exposedNs(), p.overlap().communicationNs() - p.overlap().overlappedNs());
    }

    @Test
    void stragglersAreRankedAcrossRanks() throws Exception {
        RankProfile r0 = analyze("hta/trace_filter__sampled_rank-0.json.gz", ProfileSettings.defaults());
        RankProfile r1 = analyze("hta/trace_filter__sampled_rank-1.json.gz", ProfileSettings.defaults());
        ProfileReport report = ProfileReport.of(List.of(r0, r1));
        assertEquals(2, report.slowestRanks().size());
        int slowest = r0.meanStepSeconds() >= r1.meanStepSeconds() ? 0 : 1;
        assertEquals(slowest, report.slowestRanks().get(0));
        assertEquals(2, report.lateCollectiveRanks().size());
        assertTrue(r0.collectiveStart() >= 0 && r0.collectiveStart() <= 1);
    }

    @Test
    void theXplaneProtobufIsRefusedWithAClearMessage() {
        InputException e = assertThrows(InputException.class, () -> new KinetoTraceReader().read(
                TRACES.resolve("tracelens/mi300__jax_conv_minimal_08__tw003.xplane.pb")));
        assertTrue(e.getMessage().contains("JAX/TensorFlow XPlane protobuf"), e.getMessage());
    }

    /** Every Kineto trace we have, from V100, A100, H100, B200, MI250 and MI300X, loads and gives a breakdown. */
    @TestFactory
    Stream<DynamicTest> everyRealTraceGivesABreakdown() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(TRACES)) {
            files = s.filter(f -> f.toString().endsWith(".json.gz")).sorted().toList();
        }
        assertEquals(14, files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ProfileTrace t = new KinetoTraceReader().read(f);
            RankProfile p = ProfileAnalyzer.analyze(t, ProfileSettings.defaults());
            assertFalse(p.file().isEmpty());
            if (t.gpu().size() == 0) { // the CPU-only trace
                assertTrue(p.problems().stream().anyMatch(x -> x.message().contains("CPU-only")));
                return;
            }
            var tb = p.temporal();
            assertTrue(tb.spanNs() >= 0);
            assertEquals(tb.spanNs(), tb.idleNs() + tb.computeNs() + tb.nonComputeNs());
            assertTrue(tb.idleNs() >= 0 && tb.computeNs() >= 0 && tb.nonComputeNs() >= 0);
            long typed = p.kernelTypes().values().stream().mapToLong(Long::longValue).sum();
            assertTrue(typed <= tb.spanNs() - tb.idleNs(), "typed time within busy time");
        }));
    }
}
