package dev.goodput.app.attribution;

import java.util.List;

/**
 * What a fault role prompt shows.
 *
 * @param fault  the fault row whose role is set (its current role, if any, is {@code fault.role()})
 * @param others the window's other faults, the candidates for the root of a cascade, in time order
 */
public record FaultRoleContext(AttributionRow fault, List<AttributionRow> others) {
    public FaultRoleContext {
        if (!fault.isFault()) {
            throw new IllegalArgumentException("not a fault row");
        }
        others = List.copyOf(others);
    }
}
