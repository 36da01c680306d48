package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartFonts;
import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;
import dev.goodput.chart.TextBlock;
import dev.goodput.chart.timeline.StatePalette;
import dev.goodput.core.model.Layer;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every part of the waterfall goes for a size and style: bars, segments, their callouts, axis and the
 * text around the plot. Computed apart from painting so the view can hit-test the pointer against exactly
 * what was drawn. Text is measured with one fixed render context (antialiased, fractional metrics), so the
 * screen, PNG, SVG and PDF lay out alike.
 */
public final class WaterfallLayout {
    private static final double PAD = 16;
    private static final double STEP_WEIGHT = 3.6;

    /** A full bar, with its value text above it. */
    public record PlacedTotal(WaterfallModel.Total total, Rectangle2D bar, double labelX) {
    }

    /**
     * A cause's part of a step bar and its callout to the right (joined by a leader line): the cause's name
     * (shortened to fit) over its numbers.
     */
    public record PlacedSegment(WaterfallModel.Segment segment, Rectangle2D bar, Rectangle2D callout, String name,
                                String numbers) {
    }

    /** A step bar as a whole (for its axis label). */
    public record PlacedStep(WaterfallModel.Step step, Rectangle2D bar) {
    }

    private final WaterfallModel model;
    private final WaterfallOptions options;
    private final ChartStyle style;
    private final List<PlacedTotal> totals = new ArrayList<>();
    private final List<PlacedStep> steps = new ArrayList<>();
    private final List<PlacedSegment> segments = new ArrayList<>();
    private final TextBlock title;
    private final TextBlock subtitle;
    private final TextBlock caption;
    private final double legendTop;
    private final Rectangle2D plot;
    private final double maxValue;
    private final double axisLabelWidth;

    public WaterfallLayout(WaterfallModel model, WaterfallOptions options, ChartStyle style, double width,
                           double height) {
        this.model = model;
        this.options = options;
        this.style = style;
        this.maxValue = Math.max(model.value(1.0, options), 1e-12);
        double top = PAD;
        title = TextBlock.wrap(style.title(), titleFont(), width - 2 * PAD);
        subtitle = TextBlock.wrap(style.subtitle(), subtitleFont(), width - 2 * PAD);
        top += title.height() + (title.isEmpty() ? 0 : 2) + subtitle.height() + (subtitle.isEmpty() ? 0 : 4);
        top += 2 * ChartText.lineHeight(valueFont()) + 6; // the window bar's value text sits above the plot
        caption = TextBlock.wrap(style.caption(), captionFont(), width - 2 * PAD);
        double bottom = height - PAD - caption.height();
        if (!caption.isEmpty()) {
            bottom -= 8;
        }
        legendTop = bottom - (style.legend() ? LEGEND.height(style, width - 2 * PAD) : 0);
        if (style.legend()) {
            bottom = legendTop - 10;
        }
        bottom -= ChartText.lineHeight(labelFont()) + 8; // bar names under the axis
        axisLabelWidth = AxisTicks.of(maxValue, options).stream()
                .mapToDouble(t -> ChartText.width(WaterfallFormat.tick(t, options), labelFont())).max().orElse(0) + 10;
        double left = PAD + axisLabelWidth;
        plot = new Rectangle2D.Double(left, top, Math.max(10, width - PAD - left), Math.max(10, bottom - top));
        place();
    }

    private void place() {
        List<WaterfallModel.Bar> bars = model.bars();
        double weights = bars.stream().mapToDouble(b -> b instanceof WaterfallModel.Step ? STEP_WEIGHT : 1).sum();
        double unit = plot.getWidth() / weights;
        double barWidth = Math.min(unit * 0.62, 110 * style.fontScale());
        double x = plot.getX();
        for (WaterfallModel.Bar b : bars) {
            double col = b instanceof WaterfallModel.Step ? unit * STEP_WEIGHT : unit;
            double bx = x + (unit - barWidth) / 2; // every bar sits where a total's would: one rhythm
            if (b instanceof WaterfallModel.Step) {
                bx += unit * 0.2; // a little apart from the total before it, so their names do not meet
            }
            if (b instanceof WaterfallModel.Total t) {
                double y = y(model.value(t.fraction(), options));
                totals.add(new PlacedTotal(t, new Rectangle2D.Double(bx, y, barWidth, plot.getMaxY() - y),
                        bx + barWidth / 2));
            } else if (b instanceof WaterfallModel.Step s) {
                placeStep(s, bx, barWidth, x + col);
            }
            x += col;
        }
    }

    private void placeStep(WaterfallModel.Step s, double bx, double barWidth, double nextBar) {
        double level = s.top();
        double calloutX = bx + barWidth + 14;
        double calloutWidth = Math.max(20, nextBar - calloutX - 8);
        double line = 2 * ChartText.lineHeight(calloutFont()) + 3;
        List<double[]> spans = new ArrayList<>();
        for (WaterfallModel.Segment seg : s.segments()) {
            double y0 = y(model.value(level, options));
            level -= seg.fraction();
            double y1 = y(model.value(Math.max(0, level), options));
            spans.add(new double[]{y0, Math.max(y1, y0)});
        }
        steps.add(new PlacedStep(s, new Rectangle2D.Double(bx, y(model.value(s.top(), options)), barWidth,
                Math.max(0, y(model.value(Math.max(0, s.top() - s.fraction()), options))
                        - y(model.value(s.top(), options))))));
        // Callouts start at their segment's middle and are pushed apart so none overlaps, then pulled back up
        // if the last ones would fall off the plot.
        double[] cy = new double[spans.size()];
        for (int i = 0; i < cy.length; i++) {
            double mid = (spans.get(i)[0] + spans.get(i)[1]) / 2;
            cy[i] = i == 0 ? mid : Math.max(mid, cy[i - 1] + line);
        }
        for (int i = cy.length - 1; i >= 0; i--) {
            double limit = i == cy.length - 1 ? plot.getMaxY() - line / 2 : cy[i + 1] - line;
            cy[i] = Math.min(cy[i], limit);
        }
        for (int i = 0; i < cy.length; i++) {
            WaterfallModel.Segment seg = s.segments().get(i);
            double[] sp = spans.get(i);
            String name = ChartText.ellipsize(seg.label(), calloutFont(), calloutWidth);
            String numbers = WaterfallFormat.label(model, seg.fraction(), options);
            double w = Math.max(ChartText.width(name, calloutFont()), ChartText.width(numbers, calloutFont()));
            segments.add(new PlacedSegment(seg, new Rectangle2D.Double(bx, sp[0], barWidth, sp[1] - sp[0]),
                    new Rectangle2D.Double(calloutX, cy[i] - line / 2, w, line - 3), name, numbers));
        }
    }

    /** What the colours mean; the bars' own callouts name the causes. */
    static final ChartLegend LEGEND = new ChartLegend(List.of(
            new ChartLegend.Entry("Totals (window, available, productive, goodput)",
                    new Color(WaterfallChart.TOTAL_COLOURS[2])),
            new ChartLegend.Entry("Infra losses", new Color(StatePalette.layer(Layer.INFRA))),
            new ChartLegend.Entry("Framework losses", new Color(StatePalette.layer(Layer.FRAMEWORK))),
            new ChartLegend.Entry("Model losses (1 − MFU)", new Color(StatePalette.layer(Layer.MODEL))),
            new ChartLegend.Entry("Slow steps (above typical step time)", new Color(StatePalette.SLOW_STEPS)),
            new ChartLegend.Entry("Small causes grouped", new Color(WaterfallModel.OTHER_COLOUR))));

    /** Where the legend's top edge is (it spans the width inside the padding). */
    public double legendTop() {
        return legendTop;
    }

    /** The y of a value in the unit shown. */
    public double y(double value) {
        return plot.getMaxY() - value / maxValue * plot.getHeight();
    }

    /** The segment under a point (its bar part or its callout), or null. */
    public PlacedSegment segmentAt(double x, double y) {
        for (PlacedSegment s : segments) {
            if (s.bar().contains(x, y) || s.callout().contains(x, y)) {
                return s;
            }
        }
        // A segment thinner than a few units is hard to hit: take the nearest within 3 units of the bar.
        PlacedSegment best = null;
        double bestDistance = 3;
        for (PlacedSegment s : segments) {
            Rectangle2D b = s.bar();
            if (x >= b.getMinX() && x <= b.getMaxX()) {
                double d = y < b.getMinY() ? b.getMinY() - y : y - b.getMaxY();
                if (d <= bestDistance) {
                    best = s;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The total bar under a point, or null. */
    public PlacedTotal totalAt(double x, double y) {
        return totals.stream().filter(t -> t.bar().contains(x, y)).findFirst().orElse(null);
    }

    public List<PlacedTotal> totals() {
        return totals;
    }

    public List<PlacedStep> steps() {
        return steps;
    }

    public List<PlacedSegment> segments() {
        return segments;
    }

    public Rectangle2D plot() {
        return plot;
    }

    public double maxValue() {
        return maxValue;
    }

    public TextBlock title() {
        return title;
    }

    public TextBlock subtitle() {
        return subtitle;
    }

    public TextBlock caption() {
        return caption;
    }

    double pad() {
        return PAD;
    }

    Font titleFont() {
        return ChartFonts.bold(style.font(20));
    }

    Font subtitleFont() {
        return ChartFonts.regular(style.font(13));
    }

    Font valueFont() {
        return ChartFonts.bold(style.font(12));
    }

    Font labelFont() {
        return ChartFonts.regular(style.font(12));
    }

    Font calloutFont() {
        return ChartFonts.regular(style.font(11));
    }

    Font captionFont() {
        return ChartFonts.regular(style.font(11));
    }


}
