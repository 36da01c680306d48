package dev.goodput.chart.waterfall;

import dev.goodput.chart.Chart;
import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;
import dev.goodput.chart.timeline.StatePalette;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The badput waterfall: from 100% of the window's accelerator-time down to the goodput, one stacked step per
 * layer (each cause a segment, in the timeline's colours) with the running totals as full bars between.
 * One cause can be highlighted (the others fade), as when it is picked on the timeline.
 */
public final class WaterfallChart implements Chart {
    /** Totals: the window grey, then greens deepening towards the goodput. */
    static final int[] TOTAL_COLOURS = {0xFF8C959F, 0xFF66C2A5, StatePalette.PRODUCTIVE, 0xFF006B4E};

    private final WaterfallModel model;
    private final WaterfallOptions options;
    private final CauseKey highlight;

    /** A grouped "other" segment stands for any of its members. */
    private static boolean matches(CauseKey key, WaterfallModel.Segment s) {
        return s.layer() == key.layer() && (s.cause().equals(key.cause()) || s.members().contains(key.cause()));
    }

    public WaterfallChart(WaterfallModel model, WaterfallOptions options, CauseKey highlight) {
        this.model = model;
        this.options = options;
        this.highlight = highlight;
    }

    public WaterfallChart(WaterfallModel model, WaterfallOptions options) {
        this(model, options, null);
    }

    @Override
    public String name() {
        return "waterfall";
    }

    public WaterfallLayout layout(ChartStyle style, double width, double height) {
        return new WaterfallLayout(model, options, style, width, height);
    }

    @Override
    public void paint(Graphics2D g, ChartStyle style, double width, double height) {
        WaterfallLayout l = layout(style, width, height);
        g.setColor(style.background());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        l.title().draw(g, style.text(), l.pad(), l.pad());
        l.subtitle().draw(g, style.mutedText(), l.pad(), l.pad() + l.title().height() + (l.title().isEmpty() ? 0 : 2));
        paintAxis(g, l, style);
        paintConnectors(g, l, style);
        paintTotals(g, l, style);
        paintSteps(g, l, style);
        paintBarNames(g, l, style);
        if (style.legend()) {
            WaterfallLayout.LEGEND.paint(g, style, l.pad(), l.legendTop(), width - 2 * l.pad());
        }
        l.caption().draw(g, style.mutedText(), l.pad(), height - l.pad() - l.caption().height());
        if (!model.reachesGoodput()) {
            String note = "Model goodput unknown (no model FLOPs or peak FLOP/s): the waterfall stops at productive "
                    + "time.";
            Font f = l.calloutFont();
            text(g, note, f, style.mutedText(), l.plot().getMaxX() - ChartText.width(note, f),
                    l.plot().getY() - ChartText.lineHeight(f) - 2);
        }
    }

    private void paintAxis(Graphics2D g, WaterfallLayout l, ChartStyle style) {
        Rectangle2D p = l.plot();
        g.setStroke(new BasicStroke(1f));
        Font f = l.labelFont();
        for (double t : AxisTicks.of(l.maxValue(), options)) {
            double y = l.y(t);
            g.setColor(style.grid());
            g.draw(new Line2D.Double(p.getX(), y, p.getMaxX(), y));
            String s = WaterfallFormat.tick(t, options);
            double h = ChartText.lineHeight(f);
            text(g, s, f, style.mutedText(), p.getX() - 8 - ChartText.width(s, f), y - h / 2);
        }
    }

    private void paintTotals(Graphics2D g, WaterfallLayout l, ChartStyle style) {
        List<WaterfallLayout.PlacedTotal> totals = l.totals();
        for (int i = 0; i < totals.size(); i++) {
            WaterfallLayout.PlacedTotal t = totals.get(i);
            g.setColor(new Color(TOTAL_COLOURS[Math.min(i, TOTAL_COLOURS.length - 1)], true));
            g.fill(t.bar());
            double fraction = t.total().fraction();
            Font bold = l.valueFont();
            Font plain = l.calloutFont();
            String pct = WaterfallFormat.percent(fraction);
            String hours = WaterfallFormat.amounts(model, fraction, options);
            double hb = ChartText.lineHeight(bold);
            double hp = ChartText.lineHeight(plain);
            double top = t.bar().getY() - hb - hp - 4;
            text(g, pct, bold, style.text(), t.labelX() - ChartText.width(pct, bold) / 2, top);
            text(g, hours, plain, style.mutedText(), t.labelX() - ChartText.width(hours, plain) / 2, top + hb);
        }
    }

    private void paintSteps(Graphics2D g, WaterfallLayout l, ChartStyle style) {
        Composite normal = g.getComposite();
        for (WaterfallLayout.PlacedSegment s : l.segments()) {
            boolean faded = highlight != null && !matches(highlight, s.segment());
            g.setComposite(faded ? AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.3f) : normal);
            g.setColor(new Color(s.segment().colour(), true));
            g.fill(s.bar());
            if (s.bar().getHeight() >= 4) { // a hairline in the page colour tells stacked causes apart
                g.setColor(style.background());
                g.setStroke(new BasicStroke(1f));
                g.draw(new Line2D.Double(s.bar().getX(), s.bar().getY(), s.bar().getMaxX(), s.bar().getY()));
            }
            Rectangle2D c = s.callout();
            double midBar = s.bar().getCenterY();
            g.setColor(style.mutedText());
            g.setStroke(new BasicStroke(0.75f));
            g.draw(new Line2D.Double(s.bar().getMaxX() + 2, midBar, c.getX() - 3, c.getY() + c.getHeight() / 4));
            Font f = highlight != null && !faded ? l.valueFont().deriveFont(l.calloutFont().getSize2D())
                    : l.calloutFont();
            g.setColor(style.background()); // callouts sit over the dashed connectors, which pass behind them
            g.fill(new Rectangle2D.Double(c.getX() - 2, c.getY(), c.getWidth() + 4, c.getHeight()));
            double h = text(g, s.name(), f, style.text(), c.getX(), c.getY());
            text(g, s.numbers(), l.calloutFont(), style.mutedText(), c.getX(), c.getY() + h);
            g.setComposite(normal);
            if (highlight != null && !faded) {
                g.setColor(style.text());
                g.setStroke(new BasicStroke(2f));
                g.draw(s.bar());
            }
        }
    }

    /** Dashed lines carrying each bar's end level to the next bar. */
    private void paintConnectors(Graphics2D g, WaterfallLayout l, ChartStyle style) {
        g.setColor(style.mutedText());
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{3f, 3f}, 0f));
        Rectangle2D previous = null;
        double level = 0;
        for (WaterfallModel.Bar b : model.bars()) {
            Rectangle2D bar = barOf(l, b);
            if (previous != null && bar != null) {
                double y = l.y(model.value(level, options));
                g.draw(new Line2D.Double(previous.getMaxX(), y, bar.getX(), y));
            }
            if (bar != null) {
                previous = bar;
            }
            level = b instanceof WaterfallModel.Total t ? t.fraction()
                    : Math.max(0, ((WaterfallModel.Step) b).top() - ((WaterfallModel.Step) b).fraction());
        }
    }

    private static Rectangle2D barOf(WaterfallLayout l, WaterfallModel.Bar b) {
        for (WaterfallLayout.PlacedTotal t : l.totals()) {
            if (t.total() == b) {
                return t.bar();
            }
        }
        for (WaterfallLayout.PlacedStep s : l.steps()) {
            if (s.step() == b) {
                return s.bar();
            }
        }
        return null;
    }

    private void paintBarNames(Graphics2D g, WaterfallLayout l, ChartStyle style) {
        Font f = l.labelFont();
        double y = l.plot().getMaxY() + 6;
        g.setColor(style.text());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(l.plot().getX(), l.plot().getMaxY(), l.plot().getMaxX(), l.plot().getMaxY()));
        for (WaterfallModel.Bar b : model.bars()) {
            Rectangle2D bar = barOf(l, b);
            String name = b.label(); // the legend says steps are losses; short names keep neighbours apart
            text(g, name, f, style.text(), bar.getCenterX() - ChartText.width(name, f) / 2, y);
        }
    }

    /** Draws text with its top at y; returns the line height used. */
    private static double text(Graphics2D g, String s, Font f, Color c, double x, double top) {
        ChartText.draw(g, s, f, c, x, top);
        return ChartText.lineHeight(f);
    }
}
