package dev.goodput.app.attribution;

import java.util.Optional;

/** Asks for a fault's role: a {@link FaultRoleDialog} in the app, a canned answer in tests. */
@FunctionalInterface
public interface FaultRolePrompt {
    /** The user's answer, or empty when cancelled. */
    Optional<FaultRoleRequest> ask(FaultRoleContext context);
}
