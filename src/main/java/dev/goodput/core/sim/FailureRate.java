package dev.goodput.core.sim;

import dev.goodput.core.model.CauseCatalog;

/**
 * How often one component interrupted training.
 *
 * @param cause       the catalogue's cause id of the component (e.g. {@code faulty_gpu}), as fault events carry it;
 *                    a component outside the catalogue gets its name made an id
 * @param component   the component as the source names it
 * @param category    the source's grouping (GPU, Host, Network, ...)
 * @param count       interruptions observed
 * @param perGpuHour  interruptions per accelerator-hour: count ÷ (observed hours × accelerators)
 */
public record FailureRate(String cause, String component, String category, int count, double perGpuHour) {
    /** The cause's label in the catalogue (Table 5's component name for its causes). */
    public String label() {
        return CauseCatalog.labelFor(cause);
    }
}
