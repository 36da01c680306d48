package dev.goodput.chart.waterfall;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/** Fits text to a width: wrapping at spaces into lines, or cutting one line short with an ellipsis. */
final class TextWrap {
    private TextWrap() {
    }

    static List<String> lines(String text, Font font, FontRenderContext frc, double maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String tried = line.isEmpty() ? word : line + " " + word;
                if (line.isEmpty() || font.getStringBounds(tried, frc).getWidth() <= maxWidth) {
                    line.setLength(0);
                    line.append(tried);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static String ellipsize(String text, Font font, FontRenderContext frc, double maxWidth) {
        if (font.getStringBounds(text, frc).getWidth() <= maxWidth) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) { // the longest prefix that fits with the ellipsis
            int mid = (lo + hi + 1) >>> 1;
            if (font.getStringBounds(text.substring(0, mid) + "…", frc).getWidth() <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo).stripTrailing() + "…";
    }
}
