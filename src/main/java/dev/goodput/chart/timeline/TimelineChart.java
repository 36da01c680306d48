package dev.goodput.chart.timeline;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The timeline as a vector chart, for PNG, SVG and PDF exports: the time axis (calendar time in UTC and
 * time since the start), the run-state lane as stacked rectangles, attempts, faults, checkpoints and step
 * times, in the app's colours, with a legend of the states shown and the style's title, subtitle and
 * caption. The state lane is summarised at one column per {@link #CELL} units, stacked as on screen
 * ({@link ColumnStacks}: a sub-pixel fault keeps a cell), a run unchanged across columns is one
 * rectangle ({@link StackBlocks}) and each state one path, so a 54-day run stays a small file.
 */
public final class TimelineChart implements Chart {
    /** The key's name for the step-time lane's slow-step colour (the workbench's key says the same). */
    public static final String SLOW_STEPS_LEGEND = "Slow steps (step-time lane)";
    /** Chart units per state-lane column, and per unit of its stacks: fine enough for print, few shapes. */
    static final double CELL = 2;
    /**
     * How far each state block reaches over its right and upper neighbours of other states: where two
     * colours abut, antialiased edges would otherwise let the background show through a little.
     */
    static final double OVERLAP = CELL / 4;
    /** Resolution at which the legend looks for the states shown (any share shows at any resolution). */
    private static final int LEGEND_COLUMNS = 512;

    private final TimelineLanes lanes;
    private final TimelineViewport viewport;

    /** The range of {@code viewport} (e.g. what the view shows). */
    public TimelineChart(TimelineLanes lanes, TimelineViewport viewport) {
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.viewport = Objects.requireNonNull(viewport, "viewport");
    }

    /** The whole run. */
    public TimelineChart(TimelineLanes lanes) {
        this(lanes, TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd()));
    }

    @Override
    public String name() {
        return "timeline";
    }

    public TimelineViewport viewport() {
        return viewport;
    }

    @Override
    public void paint(Graphics2D target, ChartStyle style, double width, double height) {
        Graphics2D g = (Graphics2D) target.create();
        try {
            TimelineChartLayout l = layout(style, width, height);
            g.setColor(style.background());
            g.fill(new Rectangle2D.Double(0, 0, width, height));
            l.title().draw(g, style.text(), l.pad(), l.pad());
            l.subtitle().draw(g, style.mutedText(), l.pad(), l.pad() + l.title().height());
            axis(g, style, l);
            TimelineLaneBoxes boxes = l.lanes();
            for (int i = 0; i < boxes.labels().size(); i++) {
                ChartText.drawCentred(g, boxes.labels().get(i), l.labelFont(), style.text(), l.pad(),
                        boxes.all().get(i).getCenterY());
            }
            int columns = columns(boxes.state().getWidth());
            states(g, boxes.state(), columns);
            TimelineMarks marks = new TimelineMarks(lanes, viewport, LaneColours.of(style));
            if (boxes.accelerators() != null) {
                marks.accelerators(g, boxes.accelerators(), columns);
            }
            marks.attempts(g, boxes.attempts());
            marks.faults(g, boxes.faults());
            marks.checkpoints(g, boxes.checkpoints());
            marks.stepTimes(g, boxes.steps(), columns);
            l.legend().paint(g, style, boxes.state().getX(), l.legendTop(), boxes.state().getWidth());
            l.caption().draw(g, style.mutedText(), l.pad(), l.captionTop());
        } finally {
            g.dispose();
        }
    }

    /** Where the parts go at this style and size (for tests, e.g. to find the lanes). */
    TimelineChartLayout layout(ChartStyle style, double width, double height) {
        return TimelineChartLayout.of(style, width, height, style.legend() ? legend(style) : new ChartLegend(List.of()),
                lanes.partialAllocation());
    }

    static int columns(double laneWidth) {
        return Math.max(1, (int) Math.ceil(laneWidth / CELL));
    }

    static int units(double laneHeight) {
        return Math.max(1, (int) Math.round(laneHeight / CELL));
    }

    /** Ticks at least as far apart as their widest label (with a gap), lines behind the lanes. */
    private void axis(Graphics2D g, ChartStyle style, TimelineChartLayout l) {
        Rectangle2D lane = l.lanes().state();
        Font font = l.axisFont();
        double gap = font.getSize2D() * 1.5;
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(viewport, lane.getWidth(), font.getSize2D() * 10);
        double widest = widest(ticks, font);
        if (widest + gap > font.getSize2D() * 10) {
            ticks = TimeAxis.ticks(viewport, lane.getWidth(), widest + gap);
        }
        double line = ChartText.lineHeight(font);
        double labelX = font.getSize2D() * 0.3;
        g.setStroke(new BasicStroke(1f));
        for (TimeAxis.Tick t : ticks) {
            double x = lane.getX() + viewport.xOf(t.timeUs(), lane.getWidth());
            g.setColor(style.grid());
            g.draw(new Line2D.Double(x, l.lanes().top() - TimelineChartLayout.tickLength(style), x,
                    l.lanes().bottom()));
            if (x + labelX + widest(List.of(t), font) <= l.width()) { // a label cut by the edge says nothing
                ChartText.draw(g, t.calendar(), font, style.text(), x + labelX, l.axisTop());
                ChartText.draw(g, t.elapsed(), font, style.mutedText(), x + labelX, l.axisTop() + line);
            }
        }
    }

    private static double widest(List<TimeAxis.Tick> ticks, Font font) {
        double w = 0;
        for (TimeAxis.Tick t : ticks) {
            w = Math.max(w, Math.max(ChartText.width(t.calendar(), font), ChartText.width(t.elapsed(), font)));
        }
        return w;
    }

    /**
     * The state lane: each column's stack as on screen, merged across columns into blocks. Each state's
     * blocks are filled as one path: abutting rectangles of one fill leave no antialiasing seams between
     * them (separate fills would let the background show through every column edge), and an SVG or PDF
     * holds one shape per state.
     */
    private void states(Graphics2D g, Rectangle2D box, int columns) {
        StateCategories c = lanes.categories();
        int units = units(box.getHeight());
        ColumnStacks stacks = new ColumnStacks();
        stacks.compute(lanes.states().summarize(viewport.start(), viewport.end(), columns), c.size(), columns, units);
        Path2D[] paths = new Path2D[c.size()];
        double w = box.getWidth() / columns;
        double h = box.getHeight() / units;
        for (StackBlock b : StackBlocks.of(stacks)) {
            double x0 = box.getX() + b.firstColumn() * w;
            double x1 = Math.min(box.getMaxX(), box.getX() + (b.lastColumn() + 1) * w + OVERLAP);
            double y0 = Math.max(box.getY(), box.getMaxY() - b.top() * h - OVERLAP);
            double y1 = box.getMaxY() - b.bottom() * h;
            if (paths[b.category()] == null) {
                paths[b.category()] = new Path2D.Double(Path2D.WIND_NON_ZERO);
            }
            paths[b.category()].append(new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0), false);
        }
        for (int k = 0; k < paths.length; k++) { // productive first: later states' overlaps lie over it
            if (paths[k] != null) {
                g.setColor(new Color(c.colour(k), true));
                g.fill(paths[k]);
            }
        }
    }

    /**
     * The states with any time in the visible range, in category order (productive first), the slow steps'
     * colour when the step-time lane shows one, and the other lanes' key ({@link LaneKey}).
     */
    private ChartLegend legend(ChartStyle style) {
        StateCategories c = lanes.categories();
        float[] shares = lanes.states().summarize(viewport.start(), viewport.end(), LEGEND_COLUMNS);
        List<ChartLegend.Entry> entries = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            for (int x = 0; x < LEGEND_COLUMNS; x++) {
                if (shares[x * c.size() + k] > 0) {
                    entries.add(new ChartLegend.Entry(c.label(k), new Color(c.colour(k), true)));
                    break;
                }
            }
        }
        if (lanes.partialAllocation()) { // no interval is in these states: they lie inside others, on their own lane
            for (dev.goodput.core.model.Cause part : List.of(dev.goodput.core.model.CauseCatalog.HOT_SPARES,
                    dev.goodput.core.model.CauseCatalog.IDLE_ACCELERATORS)) {
                int k = c.indexOf(part.layer(), part.id());
                String label = k >= 0 ? c.label(k) : part.label();
                boolean listed = entries.stream().anyMatch(e -> e.label().equals(label));
                if (!listed && lanes.accelerators().any(part == dev.goodput.core.model.CauseCatalog.HOT_SPARES)) {
                    entries.add(new ChartLegend.Entry(label, new Color(AcceleratorColumns.partColour(c, part), true)));
                }
            }
        }
        if (lanes.stepTimes() != null) {
            float[] slow = new float[LEGEND_COLUMNS];
            lanes.stepTimes().slowExcess(viewport.start(), viewport.end(), LEGEND_COLUMNS, slow);
            for (float excess : slow) {
                if (excess > 0) {
                    entries.add(new ChartLegend.Entry(SLOW_STEPS_LEGEND,
                            new Color(StatePalette.SLOW_STEPS, true)));
                    break;
                }
            }
        }
        entries.addAll(LaneKey.entries(lanes, style));
        return new ChartLegend(entries);
    }
}
