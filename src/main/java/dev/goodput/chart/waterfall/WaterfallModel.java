package dev.goodput.chart.waterfall;

import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.chart.colour.CauseColours;
import dev.goodput.chart.colour.ShownColours;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The waterfall's bars, straight from a report: the window (100%), a stacked step of infra causes, the
 * available total, a step of framework causes, the productive total, a step of model causes and the goodput
 * (the last two only when the model goodput is known). Fractions are of the window's accelerator-time, so
 * every step ends where the next total starts. Causes below the options' threshold are grouped per layer.
 * {@code mfu} is the MFU the model layer rests on (null when unknown) and {@code belowPeakSeconds} the
 * window-equivalent seconds of its causes but slow steps, together (1 − MFU) of steady productive time: what the
 * hover says a model cause is.
 */
public record WaterfallModel(String runName, int accelerators, double windowSeconds, List<Bar> bars, Double mfu,
                             double belowPeakSeconds) {

    /** One bar, left to right. */
    public sealed interface Bar permits Total, Step {
        String label();
    }

    /** A full bar from 0: the window, available, productive, goodput. */
    public record Total(String label, double fraction, double seconds) implements Bar {
    }

    /** A floating stacked bar of one layer's causes, from {@code top} down by the sum of its segments. */
    public record Step(String label, Layer layer, double top, List<Segment> segments) implements Bar {
        public double fraction() {
            return segments.stream().mapToDouble(Segment::fraction).sum();
        }
    }

    /**
     * One cause in a step (or several small ones grouped): window-equivalent seconds, share of the window,
     * the number of lost intervals (of slow steps, for {@code slow_steps}), its colour (as on the timeline), and
     * the causes it stands for.
     */
    public record Segment(Layer layer, String cause, String label, double fraction, double seconds, int intervals,
                          int colour, List<String> members) {
        public boolean isOther() {
            return members.size() > 1;
        }
    }

    /** The id given to a layer's group of small causes. */
    public static final String OTHER = "other";
    static final String GOODPUT = "Goodput";

    public static WaterfallModel of(GoodputReport r, double otherThreshold) {
        double window = r.windowSeconds();
        double infra = r.goodput().infra() == null ? 0 : r.goodput().infra();
        double framework = r.goodput().framework() == null ? 0 : r.goodput().framework();
        List<Bar> bars = new ArrayList<>();
        bars.add(new Total("Window", 1.0, window));
        bars.add(step("Infra", Layer.INFRA, 1.0, r, otherThreshold));
        bars.add(new Total("Available", infra, r.availableSeconds()));
        bars.add(step("Framework", Layer.FRAMEWORK, infra, r, otherThreshold));
        bars.add(new Total("Productive", infra * framework, r.productiveSeconds()));
        if (r.goodput().overall() != null) {
            bars.add(step("Model", Layer.MODEL, infra * framework, r, otherThreshold));
            bars.add(new Total(GOODPUT, r.goodput().overall(), r.productiveSeconds() * r.goodput().model()));
        }
        double belowPeak = r.badput().stream().filter(c -> c.layer() == Layer.MODEL && !c.countsSteps())
                .mapToDouble(CauseShare::seconds).sum();
        return new WaterfallModel(r.runName(), r.accelerators(), window, List.copyOf(bars),
                r.mfu() == null ? null : r.mfu().mfu(), belowPeak);
    }

    private static Step step(String label, Layer layer, double top, GoodputReport r, double threshold) {
        List<Segment> segments = new ArrayList<>();
        List<Segment> small = new ArrayList<>();
        ShownColours shown = ShownColours.of(r.badput(), CauseColourBook.session());
        for (CauseShare c : r.badput()) {
            if (c.layer() != layer) {
                continue;
            }
            // Each cause in its own colour, as on the timeline; one too close to a larger cause's joins "other".
            int colour = shown.colour(layer, c.cause());
            Segment s = new Segment(layer, c.cause(), c.label(), c.fraction(), c.seconds(), c.intervals(), colour,
                    List.of(c.cause()));
            (c.fraction() < threshold || shown.grouped(layer, c.cause()) ? small : segments).add(s);
        }
        if (small.size() == 1 && !shown.grouped(layer, small.get(0).cause())) {
            segments.add(small.get(0));
        } else if (!small.isEmpty()) {
            // In the layer's "other" colour, as on the timeline; the callout beside its layer's bar need not name
            // the layer (the legend does: "Other infra (2 causes)").
            segments.add(new Segment(layer, OTHER, "Other " + count(small.size()),
                    small.stream().mapToDouble(Segment::fraction).sum(),
                    small.stream().mapToDouble(Segment::seconds).sum(),
                    small.stream().mapToInt(Segment::intervals).sum(), CauseColours.other(layer),
                    small.stream().map(Segment::cause).toList()));
        }
        return new Step(label, layer, top, List.copyOf(segments));
    }

    /** "(1 cause)", "(3 causes)". */
    static String count(int causes) {
        return "(" + causes + (causes == 1 ? " cause)" : " causes)");
    }

    /** False when the model goodput is unknown: the bars stop at productive time. */
    public boolean reachesGoodput() {
        return bars.get(bars.size() - 1).label().equals(GOODPUT);
    }

    /** Accelerator-hours in the whole window. */
    public double windowAcceleratorHours() {
        return windowSeconds * accelerators / 3600.0;
    }

    /** A fraction of the window in accelerator-hours, whatever the unit shown. */
    public double acceleratorHours(double fraction) {
        return fraction * windowAcceleratorHours();
    }

    /** A fraction of the window in the unit asked for. */
    public double value(double fraction, WaterfallOptions o) {
        return switch (o.unit()) {
            case FRACTION -> fraction;
            case ACCELERATOR_HOURS -> acceleratorHours(fraction);
            case COST -> fraction * windowAcceleratorHours() * o.pricePerHour();
        };
    }
}
