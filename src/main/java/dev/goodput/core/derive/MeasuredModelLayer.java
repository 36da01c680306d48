package dev.goodput.core.derive;

import dev.goodput.core.model.Cause;
import dev.goodput.core.report.MfuDetails;

import java.util.Map;

/**
 * The model layer measured elsewhere (e.g. from profiler traces) instead of from the run log's steps:
 * the MFU and how (1 − MFU) of productive time splits into causes.
 *
 * @param losses cause → fraction of productive time; the fractions add up to 1 − mfu
 * @param scope  what was measured (files, time span, device, world size), for checking it belongs to the run; null
 *               when not known
 */
public record MeasuredModelLayer(double mfu, Map<Cause, Double> losses, MfuDetails details, MeasuredScope scope) {
    public MeasuredModelLayer {
        losses = Map.copyOf(losses);
    }

    public MeasuredModelLayer(double mfu, Map<Cause, Double> losses, MfuDetails details) {
        this(mfu, losses, details, null);
    }
}
