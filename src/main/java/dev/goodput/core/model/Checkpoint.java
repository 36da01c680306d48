package dev.goodput.core.model;

/** A checkpoint saved at {@code step}, starting at {@code timeUs}, blocking training for {@code blockingUs}. */
public record Checkpoint(long step, long timeUs, long blockingUs, Source source) {
}
