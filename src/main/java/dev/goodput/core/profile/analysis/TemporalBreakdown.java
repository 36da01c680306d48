package dev.goodput.core.profile.analysis;

/**
 * HTA's temporal breakdown of one rank: over the span from the first GPU event's start to the last one's
 * end, idle = span − busy (the union of all GPU events), compute = the union of computation kernels,
 * non-compute = the rest of the busy time. Percentages rounded to 2 decimals as HTA does.
 */
public record TemporalBreakdown(long idleNs, long computeNs, long nonComputeNs, long spanNs) {

    public static TemporalBreakdown of(GpuSelection s) {
        if (s.size() == 0) {
            return new TemporalBreakdown(0, 0, 0, 0);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < s.size(); i++) {
            first = Math.min(first, s.startNs()[i]);
            last = Math.max(last, s.endNs()[i]);
        }
        ClassCoverage c = s.coverage();
        long span = last - first;
        long idle = span - c.busy();
        long compute = c.any(ClassCoverage.COMPUTATION);
        return new TemporalBreakdown(idle, compute, span - compute - idle, span);
    }

    public double idlePct() {
        return Percent.of(idleNs, spanNs, 2);
    }

    public double computePct() {
        return Percent.of(computeNs, spanNs, 2);
    }

    public double nonComputePct() {
        return Percent.of(nonComputeNs, spanNs, 2);
    }
}
