package dev.goodput.core.report;

/**
 * The three layer goodputs and their product, as fractions in [0, 1]; null where undefined:
 * {@code infra} for an empty window, {@code framework} when nothing was available (no job ran in the
 * window), {@code model} when MFU cannot be computed (no FLOPs, no peak, no steady-state step), and
 * {@code overall} when any of the three is null.
 */
public record Goodputs(Double infra, Double framework, Double model, Double overall) {
}
