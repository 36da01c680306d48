package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartFonts;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** A small chart for the export tests: a background, two coloured bars, an image, and labels. */
final class SampleChart implements Chart {
    static final ChartSize SIZE = new ChartSize(400, 220);
    static final Color RED = new Color(0xD1242F);
    static final Color BLUE = new Color(0x0969DA);
    static final Color GREEN = new Color(0x1A7F37);
    /** Centres of the red bar, the blue bar and the green image, in chart units. */
    static final int[] RED_CENTRE = {70, 50};
    static final int[] BLUE_CENTRE = {190, 50};
    static final int[] GREEN_CENTRE = {320, 50};

    static final String TITLE_LABEL = "Checkpoint stall";
    static final String PLAIN_LABEL = "Goodput 87.5%";
    static final String SYMBOL_LABEL = "Restore (µs) × 2 ≥ 5% – ▸";
    static final List<String> LABELS = List.of(TITLE_LABEL, PLAIN_LABEL, SYMBOL_LABEL);

    @Override
    public void paint(Graphics2D g, ChartStyle style, double width, double height) {
        g.setColor(style.background());
        g.fillRect(0, 0, (int) width, (int) height);
        g.setColor(RED);
        g.fillRect(20, 20, 100, 60);
        g.setColor(BLUE);
        g.fillRect(140, 20, 100, 60);
        BufferedImage lane = new BufferedImage(10, 6, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < lane.getHeight(); y++) {
            for (int x = 0; x < lane.getWidth(); x++) {
                lane.setRGB(x, y, GREEN.getRGB());
            }
        }
        g.drawImage(lane, 270, 20, 100, 60, null);

        // The bold label through a child context, as charts do for their parts.
        Graphics2D title = (Graphics2D) g.create();
        try {
            title.setColor(style.text());
            title.setFont(ChartFonts.bold(style.font(16)));
            title.drawString(TITLE_LABEL, 20, 120);
        } finally {
            title.dispose();
        }
        g.setColor(style.text());
        g.setFont(ChartFonts.regular(style.font(13)));
        g.drawString(PLAIN_LABEL, 20f, 150f);
        g.setColor(style.mutedText());
        g.drawString(SYMBOL_LABEL, 20, 180);
    }

    @Override
    public String name() {
        return "sample";
    }
}
