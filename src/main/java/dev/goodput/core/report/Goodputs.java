package dev.goodput.core.report;

/**
 * The three layer goodputs and their product, as fractions in [0, 1].
 * {@code model} and {@code overall} are null when MFU cannot be computed (no FLOPs or no peak).
 */
public record Goodputs(double infra, double framework, Double model, Double overall) {
}
