package dev.goodput.core.profile.analysis;

import dev.goodput.core.profile.GpuEvents;
import dev.goodput.core.profile.KernelClass;
import dev.goodput.core.profile.ProfileTrace;
import dev.goodput.core.profile.RuntimeCalls;
import dev.goodput.core.profile.StepAnnotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GPU events one rank's breakdown is computed over, chosen and timed as Holistic Trace Analysis does
 * (f4d0062, {@code include_last_profiler_step=False}), so our numbers agree with it:
 * <ul>
 *   <li>with ns-fraction timestamps, each start is rounded up and each end down to whole µs, by default in HTA's
 *   float64 arithmetic ({@link TimestampRounding});</li>
 *   <li>with two or more {@code ProfilerStep#N} annotations, the last step is dropped: a GPU event is kept iff
 *   its launching runtime call started before the last step's annotation (CPU or GPU side) started.</li>
 * </ul>
 * Times are ns relative to {@link #baseNs}, so interval sweeps never overflow.
 */
public record GpuSelection(long baseNs, long[] startNs, long[] endNs, KernelClass[] classes, int[] streams,
                           long[] launchNs, int[] seq, String[] names, List<Long> steps, int size) {

    /** No launch time known for the event. */
    public static final long NO_LAUNCH = Long.MIN_VALUE;

    public static GpuSelection of(ProfileTrace t) {
        return of(t, false, TimestampRounding.HTA);
    }

    public static GpuSelection of(ProfileTrace t, TimestampRounding rounding) {
        return of(t, false, rounding);
    }

    public static GpuSelection of(ProfileTrace t, boolean includeLastStep, TimestampRounding rounding) {
        TimestampRounding round = t.fractionalTimestamps() ? rounding : TimestampRounding.EXACT;
        List<StepAnnotation> stepMarks = t.steps();
        long cutoff = Long.MAX_VALUE;
        List<Long> steps = new ArrayList<>();
        java.util.Set<Long> distinct = new java.util.TreeSet<>();
        stepMarks.forEach(s -> distinct.add(s.step()));
        if (distinct.size() >= 2 && !includeLastStep) {
            long lastStart = Long.MIN_VALUE;
            for (StepAnnotation s : stepMarks) {
                lastStart = Math.max(lastStart, round.start(s.startNs()));
            }
            cutoff = lastStart;
            for (StepAnnotation s : t.cpuSteps()) {
                if (round.start(s.startNs()) < cutoff) {
                    steps.add(s.step());
                }
            }
        } else {
            t.cpuSteps().forEach(s -> steps.add(s.step()));
        }
        GpuEvents g = t.gpu();
        RuntimeCalls rt = t.runtime();
        int n = g.size();
        long[] start = new long[n];
        long[] end = new long[n];
        KernelClass[] cls = new KernelClass[n];
        int[] stream = new int[n];
        long[] launch = new long[n];
        int[] seq = new int[n];
        String[] names = new String[n];
        KernelClass[] byName = new KernelClass[g.names().size()];
        long base = Long.MAX_VALUE;
        int k = 0;
        for (int i = 0; i < n; i++) {
            int call = g.correlation(i) >= 0 ? rt.find(g.correlation(i)) : -1;
            long launchAt = call >= 0 ? round.start(rt.startNs(call)) : NO_LAUNCH;
            if (cutoff != Long.MAX_VALUE && (launchAt == NO_LAUNCH || launchAt >= cutoff)) {
                continue;
            }
            start[k] = round.start(g.startNs(i));
            end[k] = round.end(g.startNs(i), g.endNs(i));
            int nameIndex = g.nameIndex(i);
            if (byName[nameIndex] == null) {
                byName[nameIndex] = KernelClass.of(g.name(i));
            }
            cls[k] = byName[nameIndex];
            stream[k] = g.stream(i);
            launch[k] = launchAt;
            seq[k] = g.seq(i);
            names[k] = g.name(i);
            base = Math.min(base, start[k]);
            k++;
        }
        if (k == 0) {
            base = 0;
        }
        for (int i = 0; i < k; i++) {
            start[i] -= base;
            end[i] -= base;
            if (launch[i] != NO_LAUNCH) {
                launch[i] -= base;
            }
        }
        return new GpuSelection(base, Arrays.copyOf(start, k), Arrays.copyOf(end, k), Arrays.copyOf(cls, k),
                Arrays.copyOf(stream, k), Arrays.copyOf(launch, k), Arrays.copyOf(seq, k), Arrays.copyOf(names, k),
                List.copyOf(steps), k);
    }

    /**
     * The events launched in each window [from, to) (trace ns, e.g. the profiler steps), one selection per
     * window with the same base; sorts by launch once, so many windows cost O(n log n) in all.
     */
    public List<GpuSelection> launchedIn(List<long[]> windows) {
        int[] byLaunch = java.util.stream.IntStream.range(0, size).filter(i -> launchNs[i] != NO_LAUNCH).boxed()
                .sorted((a, b) -> Long.compare(launchNs[a], launchNs[b])).mapToInt(Integer::intValue).toArray();
        List<GpuSelection> out = new ArrayList<>(windows.size());
        for (long[] w : windows) {
            long from = w[0] - baseNs;
            long to = w[1] - baseNs;
            int lo = 0;
            int hi = byLaunch.length;
            while (lo < hi) { // first event launched at or after `from`
                int mid = (lo + hi) >>> 1;
                if (launchNs[byLaunch[mid]] < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int n = 0;
            int[] keep = new int[byLaunch.length - lo];
            for (int j = lo; j < byLaunch.length && launchNs[byLaunch[j]] < to; j++) {
                keep[n++] = byLaunch[j];
            }
            Arrays.sort(keep, 0, n); // back to start order
            out.add(subset(keep, n));
        }
        return out;
    }

    private GpuSelection subset(int[] keep, int n) {
        long[] s = new long[n];
        long[] e = new long[n];
        KernelClass[] c = new KernelClass[n];
        int[] st = new int[n];
        long[] l = new long[n];
        int[] q = new int[n];
        String[] nm = new String[n];
        for (int j = 0; j < n; j++) {
            int i = keep[j];
            s[j] = startNs[i];
            e[j] = endNs[i];
            c[j] = classes[i];
            st[j] = streams[i];
            l[j] = launchNs[i];
            q[j] = seq[i];
            nm[j] = names[i];
        }
        return new GpuSelection(baseNs, s, e, c, st, l, q, nm, steps, n);
    }

    public ClassCoverage coverage() {
        return ClassCoverage.of(startNs, endNs, classes, size);
    }
}
