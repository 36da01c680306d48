package dev.goodput.core.profile;

import dev.goodput.core.profile.analysis.CommCompOverlap;
import dev.goodput.core.profile.analysis.GpuSelection;
import dev.goodput.core.profile.analysis.IdleTimeBreakdown;
import dev.goodput.core.profile.analysis.IdleTimeBreakdown.Category;
import dev.goodput.core.profile.analysis.KernelTypeBreakdown;
import dev.goodput.core.profile.analysis.TemporalBreakdown;
import dev.goodput.core.profile.analysis.TimestampRounding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Holistic Trace Analysis' own results (src/test/resources/traces/hta-reference.md, HTA f4d0062) on two
 * real traces: our breakdowns must agree within 0.1 percentage points; they agree to the µs.
 */
class HtaReferenceTest {
    private static final Path HTA = Path.of("src/test/resources/traces/hta");
    private static final double PP = 0.1;

    private static GpuSelection select(String file) throws Exception {
        return GpuSelection.of(new KinetoTraceReader().read(HTA.resolve(file)));
    }

    @Test
    void ncclDataRankZero() throws Exception {
        GpuSelection s = select("nccl_parser_config__nccl_data.json.gz");
        assertEquals(List.of(4L, 5L), s.steps());
        TemporalBreakdown t = TemporalBreakdown.of(s);
        assertEquals(338781, t.idleNs() / 1000);
        assertEquals(75169, t.computeNs() / 1000);
        assertEquals(21636, t.nonComputeNs() / 1000);
        assertEquals(435586, t.spanNs() / 1000);
        assertEquals(77.78, t.idlePct(), PP);
        assertEquals(17.26, t.computePct(), PP);
        assertEquals(4.97, t.nonComputePct(), PP);
        assertEquals(14.31, CommCompOverlap.of(s).overlapPct(), PP);

        List<KernelTypeBreakdown.Row> types = KernelTypeBreakdown.combine(List.of(KernelTypeBreakdown.of(s)));
        assertRow(types, "COMPUTATION", 71696, 74.1);
        assertRow(types, "COMMUNICATION", 20621, 21.3);
        assertRow(types, "COMPUTATION overlapping COMMUNICATION", 3473, 3.6);
        assertRow(types, "MEMORY", 831, 0.9);
        assertRow(types, "COMMUNICATION overlapping MEMORY", 184, 0.2);
        assertEquals(5, types.size());

        List<IdleTimeBreakdown.Row> idle = IdleTimeBreakdown.of(s, IdleTimeBreakdown.DEFAULT_DELAY_NS);
        assertIdle(idle, 7, Category.HOST_WAIT, 357247, 0.99);
        assertIdle(idle, 7, Category.KERNEL_WAIT, 2155, 0.01);
        assertIdle(idle, 7, Category.OTHER, 0, 0.00);
        assertIdle(idle, 40, Category.HOST_WAIT, 381499, 1.00);
        assertIdle(idle, 40, Category.OTHER, 0, 0.00);
    }

    @Test
    void traceFilterRanksZeroAndOne() throws Exception {
        GpuSelection r0 = select("trace_filter__sampled_rank-0.json.gz");
        GpuSelection r1 = select("trace_filter__sampled_rank-1.json.gz");
        assertEquals(List.of(551L), r0.steps());
        assertTemporal(TemporalBreakdown.of(r0), 321378, 106252, 172428, 600058, 53.56, 17.71, 28.74);
        assertTemporal(TemporalBreakdown.of(r1), 328671, 135548, 136455, 600674, 54.72, 22.57, 22.72);
        assertEquals(11.81, CommCompOverlap.of(r0).overlapPct(), PP);
        assertEquals(20.05, CommCompOverlap.of(r1).overlapPct(), PP);

        List<KernelTypeBreakdown.Row> types = KernelTypeBreakdown.combine(
                List.of(KernelTypeBreakdown.of(r0), KernelTypeBreakdown.of(r1)));
        assertRow(types, "COMMUNICATION", 305584, 55.5);
        assertRow(types, "COMPUTATION", 185023, 33.6);
        assertRow(types, "COMPUTATION overlapping COMMUNICATION", 56747, 10.3);
        assertRow(types, "MEMORY", 2288, 0.4);
        assertRow(types, "COMMUNICATION overlapping MEMORY", 1011, 0.2);
        assertRow(types, "COMPUTATION overlapping MEMORY", 18, 0.0);
        assertRow(types, "COMPUTATION overlapping COMMUNICATION overlapping MEMORY", 12, 0.0);

        List<IdleTimeBreakdown.Row> idle = IdleTimeBreakdown.of(r0, IdleTimeBreakdown.DEFAULT_DELAY_NS);
        assertIdle(idle, 23, Category.HOST_WAIT, 596037, 1.00);
        assertIdle(idle, 23, Category.KERNEL_WAIT, 70, 0.00);
        assertIdle(idle, 23, Category.OTHER, 34, 0.00);
        assertIdle(idle, 84, Category.HOST_WAIT, 148934, 1.00);
        assertIdle(idle, 84, Category.KERNEL_WAIT, 6, 0.00);
        assertIdle(idle, 25, Category.KERNEL_WAIT, 9, 0.00);
        assertIdle(idle, 25, Category.OTHER, 47865, 1.00);
        assertIdle(idle, 7, Category.HOST_WAIT, 213825, 0.45);
        assertIdle(idle, 7, Category.KERNEL_WAIT, 1985, 0.00);
        assertIdle(idle, 7, Category.OTHER, 261740, 0.55);
        assertEquals(List.of(23, 84, 25, 7, 203), idle.stream().map(IdleTimeBreakdown.Row::stream).distinct().toList());
    }

    /** Epoch-µs times with ns fractions: HTA's float64 rounding, reproduced to the µs (exact decimals gave 2.94%). */
    @Test
    void nsResolutionV100TraceAsHtaRoundsIt() throws Exception {
        GpuSelection s = select("ns_resolution_trace__rank-0.Apr_03_18_51_38.1102.pt.trace.json.gz");
        assertTemporal(TemporalBreakdown.of(s), 10113, 372150, 2371, 384634, 2.63, 96.75, 0.62);
        List<KernelTypeBreakdown.Row> types = KernelTypeBreakdown.combine(List.of(KernelTypeBreakdown.of(s)));
        assertRow(types, "COMPUTATION", 372150, 99.4);
        assertRow(types, "MEMORY", 2371, 0.6);
        List<IdleTimeBreakdown.Row> idle = IdleTimeBreakdown.of(s, IdleTimeBreakdown.DEFAULT_DELAY_NS);
        assertIdle(idle, 7, Category.HOST_WAIT, 1709, 0.17);
        assertIdle(idle, 7, Category.KERNEL_WAIT, 8404, 0.83);
        assertIdle(idle, 7, Category.OTHER, 0, 0.00);
    }

    /** The exact variant keeps the file's ns: HTA's totals with HTA_DISABLE_NS_ROUNDING=1, to its float64 grain. */
    @Test
    void nsResolutionV100TraceExact() throws Exception {
        GpuSelection s = GpuSelection.of(new KinetoTraceReader().read(
                HTA.resolve("ns_resolution_trace__rank-0.Apr_03_18_51_38.1102.pt.trace.json.gz")),
                TimestampRounding.EXACT);
        TemporalBreakdown t = TemporalBreakdown.of(s);
        assertEquals(6452.761, t.idleNs() / 1000.0, 0.25);
        assertEquals(374738.006, t.computeNs() / 1000.0, 0.25);
        assertEquals(3443.756, t.nonComputeNs() / 1000.0, 0.25);
        assertEquals(384634.523, t.spanNs() / 1000.0, 0.25);
        assertEquals(1.68, t.idlePct(), 0.005);
    }

    private static void assertTemporal(TemporalBreakdown t, long idle, long compute, long non, long span, double idlePct,
                                       double computePct, double nonPct) {
        assertEquals(idle, t.idleNs() / 1000);
        assertEquals(compute, t.computeNs() / 1000);
        assertEquals(non, t.nonComputeNs() / 1000);
        assertEquals(span, t.spanNs() / 1000);
        assertEquals(idlePct, t.idlePct(), PP);
        assertEquals(computePct, t.computePct(), PP);
        assertEquals(nonPct, t.nonComputePct(), PP);
    }

    private static void assertRow(List<KernelTypeBreakdown.Row> rows, String type, long us, double pct) {
        KernelTypeBreakdown.Row row = rows.stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow(
                () -> new AssertionError("no row " + type + " in " + rows));
        assertEquals(us, row.ns() / 1000, type);
        assertEquals(pct, row.pct(), PP, type);
    }

    private static void assertIdle(List<IdleTimeBreakdown.Row> rows, int stream, Category c, long us, double ratio) {
        IdleTimeBreakdown.Row row = rows.stream().filter(r -> r.stream() == stream && r.category() == c).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + stream + "/" + c + " in " + rows));
        assertEquals(us, row.idleNs() / 1000, stream + "/" + c);
        assertEquals(ratio, row.ratio(), 0.005, stream + "/" + c);
    }

}
