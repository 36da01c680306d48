package dev.goodput.chart.timeline;

/** The lanes a timeline frame paints, top to bottom. */
public enum FrameLane {
    STATE, ACCELERATORS, ATTEMPTS, FAULTS, CHECKPOINTS, STEPS
}
