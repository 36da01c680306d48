package dev.goodput.app.timeline;

/** The timeline's lanes a user can show or hide (View ▸ Lanes); the time axis is always shown. */
public enum TimelineLane {
    RUN_STATE("Run state"),
    ACCELERATORS("Accelerators in use"),
    ATTEMPTS("Attempts"),
    FAULTS("Faults"),
    CHECKPOINTS("Checkpoints"),
    STEP_TIME("Step time"),
    PROFILES("Profiles"),
    OVERVIEW("Overview");

    private final String label;

    TimelineLane(String label) {
        this.label = label;
    }

    /** The lane's name as its gutter and the View menu show it. */
    public String label() {
        return label;
    }
}
