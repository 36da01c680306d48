package dev.goodput.core.sim;

/**
 * An interruption drawn by the {@link InterruptionClock}.
 *
 * @param timeUs  when it happens
 * @param cause   the failing component, or null for a planned maintenance stop
 */
record Interruption(long timeUs, FailureRate cause) {
    boolean planned() {
        return cause == null;
    }
}
