package dev.goodput.app.attribution;

import dev.goodput.core.attribution.FaultRole;

/**
 * What a fault role prompt gives back.
 *
 * @param kind the role, or null to clear it
 * @param root for a cascade, the root fault's row; otherwise null
 * @param note free text, may be empty
 */
public record FaultRoleRequest(FaultRole.Kind kind, AttributionRow root, String note) {
    public FaultRoleRequest {
        note = note == null ? "" : note.strip();
    }
}
