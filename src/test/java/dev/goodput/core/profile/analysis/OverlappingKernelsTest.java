package dev.goodput.core.profile.analysis;

import dev.goodput.core.model.Problem;
import dev.goodput.core.profile.KernelClass;
import dev.goodput.core.profile.KinetoTraceReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overlapping and duplicated kernels on one stream are counted once (merged), so idle is never negative. */
class OverlappingKernelsTest {

    private static GpuSelection selection(long[] start, long[] end, int[] stream, long[] launch) {
        int n = start.length;
        KernelClass[] cls = new KernelClass[n];
        Arrays.fill(cls, KernelClass.COMPUTATION);
        int[] seq = new int[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            seq[i] = i;
            names[i] = "k" + i;
        }
        return new GpuSelection(0, start, end, cls, stream, launch, seq, names, List.of(), n);
    }

    private static long[] noLaunch(int n) {
        long[] l = new long[n];
        Arrays.fill(l, GpuSelection.NO_LAUNCH);
        return l;
    }

    // Stream 7: [0,100) and [50,150) overlap by 50; [200,300) twice (duplicate, 100 overlap); [400,500).
    // Merged: [0,150) [200,300) [400,500): busy 350, span 500, idle 150 (gaps 50 and 100, both "other").
    private static final long[] START = {0, 50, 200, 200, 400};
    private static final long[] END = {100, 150, 300, 300, 500};
    private static final int[] STREAM = {7, 7, 7, 7, 7};

    @Test
    void idleOnAStreamIsTheGapsBetweenMergedKernels() {
        GpuSelection s = selection(START, END, STREAM, noLaunch(5));
        List<IdleTimeBreakdown.Row> rows = IdleTimeBreakdown.of(s, 30);
        long idle = rows.stream().mapToLong(IdleTimeBreakdown.Row::idleNs).sum();
        assertEquals(150, idle);
        assertTrue(rows.stream().allMatch(r -> r.idleNs() >= 0), rows::toString);
        assertEquals(List.of(new IdleTimeBreakdown.Row(7, IdleTimeBreakdown.Category.OTHER, 150, 1.0)), rows);
    }

    @Test
    void temporalIdleIsSpanMinusTheUnion() {
        TemporalBreakdown t = TemporalBreakdown.of(selection(START, END, STREAM, noLaunch(5)));
        assertEquals(new TemporalBreakdown(150, 350, 0, 500), t);
    }

    @Test
    void overlapsAreReportedPerStream() {
        GpuSelection s = selection(START, END, STREAM, noLaunch(5));
        assertEquals(List.of(new IdleTimeBreakdown.StreamOverlap(7, 2, 150)), IdleTimeBreakdown.overlaps(s));
        assertEquals(List.of(), IdleTimeBreakdown.overlaps(selection(new long[]{0, 100}, new long[]{100, 200},
                new int[]{1, 1}, noLaunch(2))));
        assertEquals("2 kernels overlap on stream 7 (by 150 µs in all): counted once, as HTA does",
                new IdleTimeBreakdown.StreamOverlap(7, 2, 150_000).message());
        assertEquals("1 kernel overlaps on stream 3 (by 0.25 µs in all): counted once, as HTA does",
                new IdleTimeBreakdown.StreamOverlap(3, 1, 250).message());
    }

    @Test
    void aTraceWithADuplicatedKernelGetsOneWarningForItsStream(@TempDir Path dir) throws Exception {
        String k = "{\"ph\":\"X\",\"cat\":\"kernel\",\"name\":\"gemm\",\"pid\":0,\"tid\":7,"
                + "\"args\":{\"stream\":7,\"device\":0},";
        Path f = dir.resolve("dup.json");
        Files.writeString(f, "{\"traceEvents\":[" + k + "\"ts\":0,\"dur\":100}," + k + "\"ts\":0,\"dur\":100},"
                + k + "\"ts\":150,\"dur\":50}]}");
        RankProfile p = ProfileAnalyzer.analyze(new KinetoTraceReader().read(f), ProfileSettings.defaults());
        List<String> overlap = p.problems().stream().map(Problem::message).filter(m -> m.contains("on stream 7"))
                .toList();
        assertEquals(List.of("1 kernel overlaps on stream 7 (by 100 µs in all): counted once, as HTA does"), overlap);
        assertEquals(50_000, p.temporal().idleNs());
        assertEquals(50_000, p.idle().stream().mapToLong(IdleTimeBreakdown.Row::idleNs).sum());
    }

    @Property(tries = 200)
    void idlePlusBusyIsTheSpanAndIdleIsNeverNegative(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 1000) Integer> starts,
            @ForAll @Size(min = 30, max = 30) List<@IntRange(min = 0, max = 300) Integer> durs) {
        int n = starts.size();
        long[] start = new long[n];
        long[] end = new long[n];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            start[i] = starts.get(i);
            end[i] = start[i] + durs.get(i);
            first = Math.min(first, start[i]);
            last = Math.max(last, end[i]);
        }
        GpuSelection s = selection(start, end, new int[n], noLaunch(n));
        long idle = IdleTimeBreakdown.of(s, 30).stream().mapToLong(IdleTimeBreakdown.Row::idleNs).sum();
        // Busy: the union of the intervals, measured point by point.
        boolean[] covered = new boolean[1400];
        for (int i = 0; i < n; i++) {
            for (long t = start[i]; t < end[i]; t++) {
                covered[(int) t] = true;
            }
        }
        long busy = 0;
        for (boolean c : covered) {
            busy += c ? 1 : 0;
        }
        assertTrue(idle >= 0);
        assertEquals(last - first, idle + busy);
        TemporalBreakdown t = TemporalBreakdown.of(s);
        assertEquals(idle, t.idleNs());
        assertEquals(t.spanNs(), t.idleNs() + t.computeNs() + t.nonComputeNs());
    }
}
