package dev.goodput.core.attribution;

import java.util.Locale;

/**
 * The causal role of a fault event, set by an analyst: the root cause of a disruption, a cascade of another
 * fault (e.g. NCCL timeouts on every rank after one GPU failed), or part of the teardown.
 *
 * @param fault the fault, by its source ({@code file:line}) and time, which identify it across reloads
 * @param root  for a cascade, the root fault; otherwise null
 */
public record FaultRole(FaultRef fault, Kind kind, FaultRef root, String note) {
    /** Closed set of roles. */
    public enum Kind {
        ROOT_CAUSE, CASCADE, TEARDOWN;

        /** As files write it: "root_cause". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** For people: "root cause". */
        public String label() {
            return id().replace('_', ' ');
        }
    }

    /** A fault by its input record and time. */
    public record FaultRef(String source, long timeUs) {
    }

    public FaultRole {
        if (kind == Kind.CASCADE && root == null) {
            throw new IllegalArgumentException("a cascade needs the root fault it follows from");
        }
        note = note == null ? "" : note;
    }
}
