package dev.goodput.core.sim;

/**
 * How often one component interrupted training.
 *
 * @param cause       cause id in lower snake case (e.g. {@code faulty_gpu}), as fault events carry it
 * @param component   the component as the source names it
 * @param category    the source's grouping (GPU, Host, Network, ...)
 * @param count       interruptions observed
 * @param perGpuHour  interruptions per accelerator-hour: count ÷ (observed hours × accelerators)
 */
public record FailureRate(String cause, String component, String category, int count, double perGpuHour) {
}
