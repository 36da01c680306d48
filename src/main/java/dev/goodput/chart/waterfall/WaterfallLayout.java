package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartFonts;
import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;
import dev.goodput.chart.TextBlock;

import java.awt.Font;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every part of the waterfall goes for a size and style: bars, segments, their callouts, axis and the
 * text around the plot. Computed apart from painting so the view can hit-test the pointer against exactly
 * what was drawn, and tests can check every piece of text. Text is measured with one fixed render context
 * (antialiased, fractional metrics), so the screen, PNG, SVG and PDF lay out alike.
 *
 * <p>Each step's causes are named in a column right of its bar, joined to their segments by leader lines, and
 * stacked top to bottom in the segments' order. The columns are sized by {@link BarRow} and filled by
 * {@link CalloutColumn}: names wrap at spaces rather than being cut, and are cut only when the plot has no room
 * for them whole. The top callouts may rise into the band above the plot (where the window's value sits, to its
 * left), never past it.
 */
public final class WaterfallLayout {
    private static final double PAD = 16;
    /** How much wider a step's column is than a total's, for the bars' width only. */
    private static final double STEP_WEIGHT = 3.6;
    static final String NO_MODEL = "Model goodput unknown (no model FLOPs or peak FLOP/s): the waterfall stops at "
            + "productive time.";

    /** A full bar, with its value text above it. */
    public record PlacedTotal(WaterfallModel.Total total, Rectangle2D bar, double labelX) {
    }

    /**
     * A cause's part of a step bar and its callout to the right (joined by a leader line from {@code leaderStart}
     * to {@code leaderEnd}): the cause's name over its numbers, as {@code lines}. A segment with no room for a
     * callout has an empty one and no lines (the hover still tells).
     */
    public record PlacedSegment(WaterfallModel.Segment segment, Rectangle2D bar, Rectangle2D callout,
                                List<PlacedText> lines, String name, String numbers, Point2D leaderStart,
                                Point2D leaderEnd) {
        public boolean labelled() {
            return !lines.isEmpty();
        }
    }

    /** A step bar as a whole (for its axis label). */
    public record PlacedStep(WaterfallModel.Step step, Rectangle2D bar) {
    }

    /** A bar's name under the axis; {@code whole} is false when it had to be cut (the hover gives it whole). */
    public record PlacedName(WaterfallModel.Bar bar, PlacedText text, boolean whole) {
    }

    private final WaterfallModel model;
    private final WaterfallOptions options;
    private final ChartStyle style;
    private final List<PlacedTotal> totals = new ArrayList<>();
    private final List<PlacedStep> steps = new ArrayList<>();
    private final List<PlacedSegment> segments = new ArrayList<>();
    private final List<PlacedName> names = new ArrayList<>();
    private final List<PlacedText> labels = new ArrayList<>();
    private final ChartLegend legend;
    private final double legendTop;
    private final boolean legendShown;
    /** The top of the band above the plot where the first total's value sits: callouts may rise into it. */
    private final double bandTop;
    private final Rectangle2D plot;
    private final double maxValue;
    private final List<Double> ticks;
    private ValueText values = ValueText.ALL;

    public WaterfallLayout(WaterfallModel model, WaterfallOptions options, ChartStyle style, double width,
                           double height) {
        this.model = model;
        this.options = options;
        this.style = style;
        this.legend = WaterfallLegend.of(model);
        this.maxValue = Math.max(model.value(1.0, options), 1e-12);
        double top = PAD;
        TextBlock title = TextBlock.wrap(style.title(), titleFont(), width - 2 * PAD);
        TextBlock subtitle = TextBlock.wrap(style.subtitle(), subtitleFont(), width - 2 * PAD);
        add(title, false, PAD);
        add(subtitle, true, PAD + title.height() + (title.isEmpty() ? 0 : 2));
        top += title.height() + (title.isEmpty() ? 0 : 2) + subtitle.height() + (subtitle.isEmpty() ? 0 : 4);
        if (!model.reachesGoodput()) { // its own lines above the values, which may stand anywhere up to the top
            TextBlock note = TextBlock.wrap(NO_MODEL, calloutFont(), width - 2 * PAD);
            add(note, true, top);
            top += note.height() + 4;
        }
        bandTop = top;
        top += 2 * ChartText.lineHeight(valueFont()) + 6; // the window bar's value text sits above the plot
        TextBlock caption = TextBlock.wrap(style.caption(), captionFont(), width - 2 * PAD);
        double bottom = height - PAD - caption.height();
        add(caption, true, bottom);
        if (!caption.isEmpty()) {
            bottom -= 8;
        }
        double names = ChartText.lineHeight(labelFont()) + 8; // bar names under the axis
        double legendHeight = style.legend() ? legend.height(style, width - 2 * PAD) : 0;
        // A chart too short for a plot and the legend keeps the plot: the callouts and hover name the causes.
        legendShown = style.legend()
                && bottom - legendHeight - 10 - names - top >= 3 * ChartText.lineHeight(labelFont());
        legendTop = bottom - (legendShown ? legendHeight : 0);
        if (legendShown) {
            bottom = legendTop - 10;
        }
        bottom -= names;
        // As many ticks as stand apart by half a line or more.
        double plotHeight = Math.max(10, bottom - top);
        ticks = AxisTicks.of(maxValue, options, 1 + (int) (plotHeight / (1.5 * ChartText.lineHeight(labelFont()))));
        double axisLabelWidth = ticks.stream()
                .mapToDouble(t -> ChartText.width(WaterfallFormat.tick(t, options), labelFont())).max().orElse(0) + 10;
        double left = PAD + axisLabelWidth;
        plot = new Rectangle2D.Double(left, top, Math.max(10, width - PAD - left), plotHeight);
        placeTicks();
        place();
    }

    private void add(TextBlock block, boolean muted, double top) {
        for (int i = 0; i < block.lines().size(); i++) {
            labels.add(new PlacedText(block.lines().get(i), block.font(), muted, PAD,
                    top + i * ChartText.lineHeight(block.font())));
        }
    }

    private void placeTicks() {
        Font f = labelFont();
        double h = ChartText.lineHeight(f);
        for (double t : ticks) {
            String s = WaterfallFormat.tick(t, options);
            labels.add(new PlacedText(s, f, true, plot.getX() - 8 - ChartText.width(s, f), y(t) - h / 2));
        }
    }

    private void place() {
        List<WaterfallModel.Bar> bars = model.bars();
        double scale = style.fontScale();
        double weights = bars.stream().mapToDouble(b -> b instanceof WaterfallModel.Step ? STEP_WEIGHT : 1).sum();
        double barWidth = Math.min(plot.getWidth() / weights * 0.62, 110 * scale);
        double leader = 14 * scale; // between a step bar and its callouts, where the leader lines run
        double gap = 8 * scale;
        Font callout = calloutFont();
        List<CalloutColumn> columns = new ArrayList<>();
        for (WaterfallModel.Bar b : bars) {
            if (b instanceof WaterfallModel.Step s) {
                List<List<String>> parts = s.segments().stream()
                        .map(seg -> WaterfallFormat.parts(model, seg.fraction(), options)).toList();
                columns.add(new CalloutColumn(s.segments(), parts, callout, calloutGap()));
            } else {
                columns.add(null); // a total has no callouts
            }
        }
        double columnHeight = plot.getMaxY() - bandTop;
        // The totals' values whole if the row has room for them, else their percent, else none (the hover tells).
        List<BarRow.Need> needs = null;
        BarRow row = null;
        for (ValueText v : ValueText.values()) {
            values = v;
            needs = needs(bars, columns, barWidth, leader);
            row = BarRow.place(needs, plot.getX(), plot.getMaxX(), gap, gap, 7 * callout.getSize2D(), columnHeight);
            if (!row.cramped()) {
                break;
            }
        }
        for (int i = 0; i < bars.size(); i++) {
            WaterfallModel.Bar b = bars.get(i);
            double bx = row.centre(i) - barWidth / 2;
            if (b instanceof WaterfallModel.Total t) {
                double y = y(model.value(t.fraction(), options));
                PlacedTotal placed = new PlacedTotal(t, new Rectangle2D.Double(bx, y, barWidth, plot.getMaxY() - y),
                        row.centre(i));
                totals.add(placed);
                placeValue(placed);
            } else if (b instanceof WaterfallModel.Step s) {
                double columnX = bx + barWidth + leader;
                double columnEnd = i + 1 < bars.size() ? row.centre(i + 1) - needs.get(i + 1).left() - gap
                        : plot.getMaxX();
                double columnWidth = row.column(i) <= 0 ? 0 : Math.max(row.column(i), columnEnd - columnX);
                placeStep(s, columns.get(i), bx, barWidth, columnX, columnWidth);
            }
            placeName(b, row, i);
        }
    }

    private List<BarRow.Need> needs(List<WaterfallModel.Bar> bars, List<CalloutColumn> columns, double barWidth,
                                    double leader) {
        List<BarRow.Need> needs = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            WaterfallModel.Bar b = bars.get(i);
            double nameHalf = ChartText.width(b.label(), labelFont()) / 2;
            if (b instanceof WaterfallModel.Total t) {
                double half = barWidth / 2;
                for (PlacedText v : valueTexts(t, 0, 0)) {
                    half = Math.max(half, v.width() / 2);
                }
                needs.add(new BarRow.Need(half, half, nameHalf, null));
            } else {
                CalloutColumn column = columns.get(i);
                needs.add(new BarRow.Need(barWidth / 2, barWidth / 2 + (column.isEmpty() ? 0 : leader), nameHalf,
                        column));
            }
        }
        return needs;
    }

    /** How much of a total's value is written above its bar. */
    private enum ValueText { ALL, PERCENT, NONE }

    /** A total's value text, centred on {@code x} with its bottom at {@code bottom}. */
    private List<PlacedText> valueTexts(WaterfallModel.Total t, double x, double bottom) {
        Font bold = valueFont();
        Font plain = calloutFont();
        List<PlacedText> out = new ArrayList<>();
        if (values == ValueText.NONE) {
            return out;
        }
        String pct = WaterfallFormat.percent(t.fraction());
        double hb = ChartText.lineHeight(bold);
        double hp = values == ValueText.ALL ? ChartText.lineHeight(plain) : 0;
        out.add(new PlacedText(pct, bold, false, x - ChartText.width(pct, bold) / 2, bottom - hb - hp));
        if (values == ValueText.ALL) {
            String amounts = WaterfallFormat.amounts(model, t.fraction(), options);
            out.add(new PlacedText(amounts, plain, true, x - ChartText.width(amounts, plain) / 2, bottom - hp));
        }
        return out;
    }

    private double calloutGap() {
        return 3 * style.fontScale();
    }

    private void placeValue(PlacedTotal t) {
        labels.addAll(valueTexts(t.total(), t.labelX(), t.bar().getY() - 4));
    }

    /** The bar's name centred under it; cut only when the row is too short even for the names. */
    private void placeName(WaterfallModel.Bar b, BarRow row, int i) {
        Font f = labelFont();
        double room = Double.MAX_VALUE;
        if (row.cramped()) {
            int n = model.bars().size();
            room = Math.min(i > 0 ? row.centre(i) - row.centre(i - 1) : 2 * (row.centre(i) - plot.getX()),
                    i + 1 < n ? row.centre(i + 1) - row.centre(i) : 2 * (plot.getMaxX() - row.centre(i)));
            room -= 6 * style.fontScale();
        }
        String shown = ChartText.ellipsize(b.label(), f, Math.max(0, room));
        PlacedText text = new PlacedText(shown, f, false, row.centre(i) - ChartText.width(shown, f) / 2,
                plot.getMaxY() + 6);
        labels.add(text);
        names.add(new PlacedName(b, text, shown.equals(b.label())));
    }

    private void placeStep(WaterfallModel.Step s, CalloutColumn column, double bx, double barWidth, double columnX,
                           double columnWidth) {
        double level = s.top();
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
        Font f = calloutFont();
        double line = ChartText.lineHeight(f);
        double spanTop = bandTop;
        double spanBottom = plot.getMaxY();
        List<CalloutText> texts = columnWidth <= 0 ? s.segments().stream().map(x -> CalloutText.HIDDEN).toList()
                : column.fit(columnWidth, spanBottom - spanTop);
        double[] tops = stack(texts, spans, spanTop, spanBottom);
        int n = texts.size();
        for (int i = 0; i < n; i++) {
            WaterfallModel.Segment seg = s.segments().get(i);
            double[] sp = spans.get(i);
            Rectangle2D bar = new Rectangle2D.Double(bx, sp[0], barWidth, sp[1] - sp[0]);
            CalloutText t = texts.get(i);
            if (!t.shown()) {
                segments.add(new PlacedSegment(seg, bar, new Rectangle2D.Double(), List.of(), "", "", null, null));
                continue;
            }
            List<PlacedText> lines = new ArrayList<>();
            double y = tops[i];
            for (String nameLine : t.name()) {
                lines.add(new PlacedText(nameLine, f, false, columnX, y));
                y += line;
            }
            if (t.joined()) {
                String last = t.name().get(t.name().size() - 1);
                lines.add(new PlacedText(t.numbers().get(0), f, true,
                        columnX + ChartText.width(last, f) + CalloutText.joinGap(f), y - line));
            } else {
                for (String numberLine : t.numbers()) {
                    lines.add(new PlacedText(numberLine, f, true, columnX, y));
                    y += line;
                }
            }
            segments.add(new PlacedSegment(seg, bar,
                    new Rectangle2D.Double(columnX, tops[i], t.width(f), t.lines() * line), List.copyOf(lines),
                    t.nameText(), t.numbersText(), new Point2D.Double(bx + barWidth + 2, bar.getCenterY()),
                    new Point2D.Double(columnX - 3, tops[i] + line / 2)));
        }
    }

    /**
     * The callouts' tops: each one's first line faces the middle of its segment, pushed down so none overlaps the
     * one above, then pulled back up where the last would fall below {@code bottom}. They fit (the column saw to
     * it), so none is pulled above {@code top}.
     */
    private double[] stack(List<CalloutText> texts, List<double[]> spans, double top, double bottom) {
        double line = ChartText.lineHeight(calloutFont());
        int n = texts.size();
        double[] tops = new double[n];
        double below = top;
        for (int i = 0; i < n; i++) {
            double mid = (spans.get(i)[0] + spans.get(i)[1]) / 2;
            tops[i] = Math.max(mid - line / 2, below);
            if (texts.get(i).shown()) {
                below = tops[i] + texts.get(i).lines() * line + calloutGap();
            }
        }
        double above = bottom + calloutGap();
        for (int i = n - 1; i >= 0; i--) {
            if (texts.get(i).shown()) {
                tops[i] = Math.min(tops[i], above - calloutGap() - texts.get(i).lines() * line);
                above = tops[i];
            }
        }
        return tops;
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

    /** The bar whose name under the axis is at a point, or null. */
    public PlacedName nameAt(double x, double y) {
        return names.stream().filter(n -> n.text().box().contains(x, y)).findFirst().orElse(null);
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

    /** The bars' names under the axis, left to right. */
    public List<PlacedName> names() {
        return names;
    }

    /** Text outside the callouts: title, subtitle, caption, ticks, the totals' values, bar names, notes. */
    public List<PlacedText> labels() {
        return labels;
    }

    /** Every piece of text the chart draws, but the legend's. */
    public List<PlacedText> texts() {
        List<PlacedText> all = new ArrayList<>(labels);
        segments.forEach(s -> all.addAll(s.lines()));
        return all;
    }

    /** What the colours mean: the totals, each cause drawn and each layer's group of small ones. */
    public ChartLegend legend() {
        return legend;
    }

    /** Where the legend is drawn (it spans the width inside the padding); empty without one. */
    public Rectangle2D legendBox(double width) {
        return legendShown ? new Rectangle2D.Double(PAD, legendTop, width - 2 * PAD,
                legend.height(style, width - 2 * PAD)) : new Rectangle2D.Double();
    }

    public Rectangle2D plot() {
        return plot;
    }

    /** The axis' tick values, in the unit shown. */
    public List<Double> ticks() {
        return ticks;
    }

    public double maxValue() {
        return maxValue;
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
