package dev.goodput.core.report;

/** A kept step whose time is far from the typical step time. */
public record AnomalousStep(long step, double startEpochSeconds, double seconds, double deviationPct,
                            String source) {
}
