package dev.goodput.core.profile.analysis;

/**
 * HTA's communication–computation overlap of one rank: the time computation kernels run while
 * communication runs, as a share of all communication time; and its complement, the exposed
 * (non-overlapped) communication time that computation does not hide.
 */
public record CommCompOverlap(long communicationNs, long overlappedNs) {

    public static CommCompOverlap of(GpuSelection s) {
        ClassCoverage c = s.coverage();
        return new CommCompOverlap(c.any(ClassCoverage.COMMUNICATION),
                c.atLeast(ClassCoverage.COMMUNICATION | ClassCoverage.COMPUTATION));
    }

    /** Overlap in percent (2 decimals, as HTA); NaN when there is no communication. */
    public double overlapPct() {
        return Percent.of(overlappedNs, communicationNs, 2);
    }

    /** Communication time with no computation running beside it. */
    public long exposedNs() {
        return communicationNs - overlappedNs;
    }
}
