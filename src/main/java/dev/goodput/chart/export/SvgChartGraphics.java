package dev.goodput.chart.export;

import dev.goodput.chart.ChartFonts;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;

import java.awt.Font;
import java.awt.Graphics;

/**
 * Batik's SVG Graphics2D, keeping bold faces bold. A font loaded from a bold file (DejaVu Sans Bold) has style
 * PLAIN, so Batik would write {@code font-weight="normal"} and browsers would show it regular. Only the drawn
 * text is told it is bold: measuring still uses the chart's own font, so the layout matches the screen.
 */
final class SvgChartGraphics extends SVGGraphics2D {
    SvgChartGraphics(SVGGeneratorContext context) {
        super(context, false);
    }

    private SvgChartGraphics(SvgChartGraphics parent) {
        super(parent);
    }

    @Override
    public Graphics create() {
        // Batik's create() makes a plain SVGGraphics2D; children (g.create()) must keep the fix too.
        return new SvgChartGraphics(this);
    }

    @Override
    public void drawString(String text, float x, float y) {
        Font font = getFont();
        if (font == null || font.isBold() || !ChartFonts.facedBold(font)) {
            super.drawString(text, x, y);
            return;
        }
        setFont(font.deriveFont(font.getStyle() | Font.BOLD));
        try {
            super.drawString(text, x, y);
        } finally {
            setFont(font);
        }
    }
}
