package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartText;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one cause's callout at a width: its name wrapped at spaces (in the text colour), then its numbers
 * (percent, hours, cost; muted), wrapped between parts. {@code joined}: the numbers share the name's last line.
 * Nothing is cut unless the {@link Shortening} asks for it.
 */
record CalloutText(List<String> name, List<String> numbers, boolean joined, boolean shown) {
    /** How much of the numbers a callout shows. */
    enum Numbers { ALL, PERCENT, NONE }

    /**
     * How far a callout gives way when the plot is short of room: numbers on the name's last line (nothing lost),
     * the name cut to a number of lines, fewer numbers, or no callout at all (the hover still tells).
     */
    record Shortening(boolean join, int nameLines, Numbers numbers, boolean shown) {
        static final Shortening NONE = new Shortening(false, Integer.MAX_VALUE, Numbers.ALL, true);

        Shortening joining() {
            return new Shortening(true, nameLines, numbers, shown);
        }

        Shortening nameCut(int lines) {
            return new Shortening(join, lines, numbers, shown);
        }

        Shortening showing(Numbers n) {
            return new Shortening(join, nameLines, n, shown);
        }

        Shortening hidden() {
            return new Shortening(join, nameLines, numbers, false);
        }
    }

    static final CalloutText HIDDEN = new CalloutText(List.of(), List.of(), false, false);

    /** The space between a name and numbers on one line, in ems. */
    static final double JOIN_GAP_EM = 0.6;

    static CalloutText of(String label, List<String> parts, Font font, double width, Shortening s) {
        if (!s.shown()) {
            return HIDDEN;
        }
        List<String> name = wrap(label, font, width, s.nameLines());
        List<String> shownParts = switch (s.numbers()) {
            case ALL -> parts;
            case PERCENT -> parts.subList(0, Math.min(1, parts.size()));
            case NONE -> List.of();
        };
        if (shownParts.isEmpty()) {
            return new CalloutText(name, List.of(), false, true);
        }
        String oneLine = String.join(" · ", shownParts);
        if (s.join() && ChartText.width(name.get(name.size() - 1), font) + joinGap(font)
                + ChartText.width(oneLine, font) <= width) {
            return new CalloutText(name, List.of(oneLine), true, true);
        }
        return new CalloutText(name, wrapParts(shownParts, font, width), false, true);
    }

    static double joinGap(Font font) {
        return font.getSize2D() * JOIN_GAP_EM;
    }

    /** Lines of text it takes. */
    int lines() {
        return name.size() + (joined ? 0 : numbers.size());
    }

    /** The name as shown, lines joined by spaces: the label itself when nothing was cut. */
    String nameText() {
        return String.join(" ", name);
    }

    String numbersText() {
        return String.join(" · ", numbers);
    }

    double width(Font font) {
        double w = 0;
        for (String line : name) {
            w = Math.max(w, ChartText.width(line, font));
        }
        for (String line : numbers) {
            w = Math.max(w, ChartText.width(line, font));
        }
        if (joined) {
            w = Math.max(w, ChartText.width(name.get(name.size() - 1), font) + joinGap(font)
                    + ChartText.width(numbers.get(0), font));
        }
        return w;
    }

    /** Wrapped at spaces; past {@code maxLines} the rest joins the last line, and a line too wide ends in "…". */
    static List<String> wrap(String text, Font font, double width, int maxLines) {
        List<String> lines = fill(words(text), " ", font, width);
        if (lines.size() > maxLines) {
            String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
            lines = new ArrayList<>(lines.subList(0, maxLines - 1));
            lines.add(rest);
        }
        lines.replaceAll(l -> ChartText.ellipsize(l, font, width));
        return lines;
    }

    /** {@code tokens} joined by {@code separator}, as many to a line as fit {@code width} (at least one). */
    private static List<String> fill(List<String> tokens, String separator, Font font, double width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String token : tokens) {
            String tried = line.isEmpty() ? token : line + separator + token;
            if (line.isEmpty() || ChartText.width(tried, font) <= width) {
                line = tried;
            } else {
                lines.add(line);
                line = token;
            }
        }
        lines.add(line);
        return lines;
    }

    /** The label's words; a lone operator stays with its neighbours, so "(1 − MFU)" is never broken. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        boolean glue = false;
        for (String w : text.strip().split(" +")) {
            boolean operator = w.equals("−") || w.equals("-") || w.equals("×") || w.equals("÷");
            if (!words.isEmpty() && (operator || glue)) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + w);
            } else {
                words.add(w);
            }
            glue = operator;
        }
        return words;
    }

    private static List<String> wrapParts(List<String> parts, Font font, double width) {
        List<String> lines = fill(parts, " · ", font, width);
        lines.replaceAll(l -> ChartText.ellipsize(l, font, width));
        return lines;
    }
}
