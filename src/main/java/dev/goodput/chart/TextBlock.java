package dev.goodput.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Text wrapped at spaces (and at line breaks) to a width, by the font's real advances, e.g. a caption or a
 * long title. A word wider than the width is broken between characters rather than left to overflow.
 */
public record TextBlock(List<String> lines, Font font) {
    public TextBlock {
        lines = List.copyOf(lines);
    }

    /** Wraps {@code text} (null or blank: no lines) to {@code width}. */
    public static TextBlock wrap(String text, Font font, double width) {
        List<String> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String paragraph : text.strip().split("\n")) {
                wrapParagraph(paragraph.strip(), font, width, out);
            }
        }
        return new TextBlock(out, font);
    }

    private static void wrapParagraph(String paragraph, Font font, double width, List<String> out) {
        String line = "";
        for (String word : paragraph.split(" +")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (ChartText.width(tried, font) <= width) {
                line = tried;
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line);
            }
            line = word;
            while (line.length() > 1 && ChartText.width(line, font) > width) {
                int fits = longestFittingPrefix(line, font, width);
                out.add(line.substring(0, fits));
                line = line.substring(fits);
            }
        }
        out.add(line);
    }

    private static int longestFittingPrefix(String word, Font font, double width) {
        int lo = 1; // at least one character per line, however narrow
        int hi = word.length() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ChartText.width(word.substring(0, mid), font) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public double height() {
        return lines.size() * ChartText.lineHeight(font);
    }

    /** Draws the lines with the first's top at {@code top}. */
    public void draw(Graphics2D g, Color colour, double x, double top) {
        double line = ChartText.lineHeight(font);
        for (int i = 0; i < lines.size(); i++) {
            ChartText.draw(g, lines.get(i), font, colour, x, top + i * line);
        }
    }
}
