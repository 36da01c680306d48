package dev.goodput.core.report;

/** A fault linked to a restart as a cascade of its root: its cause id, time (epoch µs) and record (file:line). */
public record LinkedFault(String cause, long timeUs, String source) {
}
