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
        paintGrid(g, l, style);
        paintConnectors(g, l, style);
        paintTotals(g, l);
        paintSteps(g, l, style);
        g.setColor(style.text());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(l.plot().getX(), l.plot().getMaxY(), l.plot().getMaxX(), l.plot().getMaxY()));
        for (PlacedText t : l.labels()) {
            draw(g, t, style);
        }
        Rectangle2D legend = l.legendBox(width);
        if (!legend.isEmpty()) {
            l.legend().paint(g, style, legend.getX(), legend.getY(), legend.getWidth());
        }
    }

    private static void draw(Graphics2D g, PlacedText t, ChartStyle style) {
        ChartText.draw(g, t.text(), t.font(), t.muted() ? style.mutedText() : style.text(), t.x(), t.top());
    }

    private void paintGrid(Graphics2D g, WaterfallLayout l, ChartStyle style) {
        Rectangle2D p = l.plot();
        g.setStroke(new BasicStroke(1f));
        g.setColor(style.grid());
        for (double t : l.ticks()) {
            double y = l.y(t);
            g.draw(new Line2D.Double(p.getX(), y, p.getMaxX(), y));
        }
    }

    private void paintTotals(Graphics2D g, WaterfallLayout l) {
        List<WaterfallLayout.PlacedTotal> totals = l.totals();
        for (int i = 0; i < totals.size(); i++) {
            g.setColor(new Color(TOTAL_COLOURS[Math.min(i, TOTAL_COLOURS.length - 1)], true));
            g.fill(totals.get(i).bar());
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
            if (s.labelled()) {
                g.setColor(style.mutedText());
                g.setStroke(new BasicStroke(0.75f));
                g.draw(new Line2D.Double(s.leaderStart(), s.leaderEnd()));
                Rectangle2D c = s.callout();
                g.setColor(style.background()); // callouts sit over the dashed connectors, which pass behind them
                g.fill(new Rectangle2D.Double(c.getX() - 2, c.getY(), c.getWidth() + 4, c.getHeight()));
                for (PlacedText t : s.lines()) {
                    draw(g, t, style);
                }
            }
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
}
