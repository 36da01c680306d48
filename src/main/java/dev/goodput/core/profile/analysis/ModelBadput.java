package dev.goodput.core.profile.analysis;

/**
 * Where (1 − MFU) of productive time goes, from the profile, as fractions of step time that add up to
 * 1 − MFU: the GPU idle (waiting on the host or the input pipeline), communication no computation hides,
 * memory copies and other non-compute kernels with nothing else running, and compute kernels running
 * below peak.
 */
public record ModelBadput(double gpuIdle, double exposedCommunication, double memoryAndOther,
                          double computeBelowPeak) {

    /**
     * Splits 1 − mfu in proportion to the measured shares of the GPU span; the compute share beyond the
     * MFU is the below-peak part.
     */
    public static ModelBadput of(TemporalBreakdown t, long exposedCommNs, double mfu) {
        double span = t.spanNs();
        if (span <= 0) {
            return new ModelBadput(0, 0, 0, 1 - mfu);
        }
        double idle = t.idleNs() / span;
        double comm = Math.min(exposedCommNs, t.nonComputeNs()) / span;
        double mem = Math.max(0, t.nonComputeNs() - exposedCommNs) / span;
        double below = Math.max(0, t.computeNs() / span - mfu);
        double sum = idle + comm + mem + below;
        double scale = sum > 0 ? (1 - mfu) / sum : 0;
        return new ModelBadput(idle * scale, comm * scale, mem * scale, below * scale);
    }
}
