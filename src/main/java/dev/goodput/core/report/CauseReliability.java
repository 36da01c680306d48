package dev.goodput.core.report;

/** Disruptions of one cause: how many, mean time between them and mean time to recover (seconds). */
public record CauseReliability(String cause, int count, Double mtbfSeconds, Double mttrSeconds) {
}
