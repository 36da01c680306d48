package dev.goodput.chart.timeline;

import dev.goodput.core.report.HumanFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The step-time lane's scale, as its gutter says it: the typical step (the strip's palest colour; orange at twice
 * that) and the slowest step in view.
 */
public final class StepScale {
    private StepScale() {
    }

    /** "typical 3.3 s", "max 9.4 s"; none when the run logs no step times. */
    public static List<String> lines(StepTimeColumns steps, TimelineViewport v) {
        List<String> out = new ArrayList<>();
        if (steps == null || !(steps.typicalSeconds() > 0)) {
            return out;
        }
        out.add("typical " + HumanFormat.duration(steps.typicalSeconds()));
        float max = steps.slowest(v.start(), v.end(), 1)[0];
        if (max > 0) {
            out.add("max " + HumanFormat.duration((double) max));
        }
        return out;
    }
}
