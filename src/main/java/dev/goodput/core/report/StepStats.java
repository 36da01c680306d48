package dev.goodput.core.report;

import java.util.List;

/**
 * Step-time statistics over kept, complete steps in the window (the first step after each start is left
 * out: it carries startup). {@code meanAbsDeviationPct} is the mean |step − typical| ÷ typical.
 */
public record StepStats(int executedSteps, int keptSteps, int wastedSteps, double typicalSeconds,
                        double meanSeconds, double p90Seconds, double p99Seconds, double scaledMadSeconds,
                        double meanAbsDeviationPct, int anomalousCount, List<AnomalousStep> anomalous) {
}
