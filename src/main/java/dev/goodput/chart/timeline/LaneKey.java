package dev.goodput.chart.timeline;

import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.ChartStyle;
import dev.goodput.core.report.HumanFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The key to the timeline's event lanes, the same words on screen and in exports: what the attempts' two colours
 * mean, how fault marks read (filled roots, hollow cascades), the checkpoints' ticks, and the step-time strip's scale
 * (typical and 2× typical), its anomalous and slow steps. Only what the lanes hold is keyed.
 */
public final class LaneKey {
    public static final String ATTEMPT_PLANNED = "Attempt, planned end";
    public static final String ATTEMPT_DISRUPTED = "Attempt ended by a fault or unlogged";
    public static final String ROOT_FAULT = "Root fault (filled)";
    public static final String OTHER_FAULT = "Cascade or survived fault (hollow)";
    public static final String CHECKPOINT = "Checkpoint save";
    public static final String ANOMALOUS_STEP = "Anomalous step";
    public static final String IN_USE = "Accelerators in use (hot spares, idle above)";

    private LaneKey() {
    }

    /** The entries for {@code lanes} drawn in {@code style} (the order the lanes run, top to bottom). */
    public static List<ChartLegend.Entry> entries(TimelineLanes lanes, ChartStyle style) {
        List<ChartLegend.Entry> out = new ArrayList<>();
        if (lanes.partialAllocation()) {
            out.add(new ChartLegend.Entry(IN_USE, style.acceleratorsInUse()));
        }
        boolean planned = false;
        boolean disrupted = false;
        for (boolean d : lanes.attemptDisrupted()) {
            planned |= !d;
            disrupted |= d;
        }
        if (planned) {
            out.add(new ChartLegend.Entry(ATTEMPT_PLANNED, style.attemptCompleted()));
        }
        if (disrupted) {
            out.add(new ChartLegend.Entry(ATTEMPT_DISRUPTED, style.attemptDisrupted()));
        }
        if (lanes.faults().times().length > 0) {
            out.add(new ChartLegend.Entry(ROOT_FAULT, style.mutedText()));
            out.add(new ChartLegend.Entry(OTHER_FAULT, style.mutedText(), ChartLegend.Swatch.HOLLOW));
        }
        if (lanes.checkpoints().length > 0) {
            out.add(new ChartLegend.Entry(CHECKPOINT, style.checkpoint()));
        }
        StepTimeColumns steps = lanes.stepTimes();
        if (steps != null && steps.typicalSeconds() > 0) {
            out.add(new ChartLegend.Entry(typicalStep(steps), style.stepTypical()));
            out.add(new ChartLegend.Entry(doubleStep(steps), style.stepSlow()));
            out.add(new ChartLegend.Entry(ANOMALOUS_STEP + " > " + HumanFormat.duration(steps.anomalySeconds()),
                    style.anomalousStep()));
        }
        return out;
    }

    /** "Typical step 3.3 s": the strip's palest colour. */
    public static String typicalStep(StepTimeColumns steps) {
        return "Typical step " + HumanFormat.duration(steps.typicalSeconds());
    }

    /** "2× typical 6.6 s": the strip's deepest orange. */
    public static String doubleStep(StepTimeColumns steps) {
        return "2× typical " + HumanFormat.duration(2 * steps.typicalSeconds());
    }
}
