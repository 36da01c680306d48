package dev.goodput.core.model;

/** An explicitly logged period when the job was not running; {@code cause} refines the kind when given. */
public record Downtime(DowntimeKind kind, long startUs, long endUs, String cause, Source source) {
}
