package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;

/**
 * The measurement windows offered in the window bar: the whole run, its last 24 hours, a custom range, or the
 * range selected on the timeline. Plain logic, tested without a toolkit.
 */
public enum WindowPreset {
    WHOLE_RUN("Whole run"), LAST_24_HOURS("Last 24 h"), CUSTOM("Custom range"), TIMELINE_SELECTION("Timeline selection");

    static final long DAY_US = 86_400_000_000L;
    private final String label;

    WindowPreset(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The whole run's window: first job start to last event, as the CLI's default. */
    public static Window wholeRun(Derivation d) {
        return GoodputDeriver.defaultWindow(d.run(), d.attempts());
    }

    /** The last 24 hours of the run (the whole run if shorter). */
    public static Window last24Hours(Derivation d) {
        Window all = wholeRun(d);
        return new Window(Math.max(all.startUs(), all.endUs() - DAY_US), all.endUs());
    }
}
