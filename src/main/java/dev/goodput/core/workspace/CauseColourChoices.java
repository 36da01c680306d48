package dev.goodput.core.workspace;

import java.util.Map;
import java.util.TreeMap;

/**
 * The cause colours a workspace keeps (docs/workspace-format.md, "colours"): those the user chose for any cause, and
 * those given once to causes outside the catalogue, so both survive edits, windows, runs and exports. Colours are
 * opaque RGB (0xRRGGBB), by cause id; sorted, so the same choices are always written the same way.
 */
public record CauseColourChoices(Map<String, Integer> chosen, Map<String, Integer> given) {
    public static final CauseColourChoices EMPTY = new CauseColourChoices(Map.of(), Map.of());

    public CauseColourChoices {
        chosen = sortedRgb(chosen, "chosen");
        given = sortedRgb(given, "given");
    }

    private static Map<String, Integer> sortedRgb(Map<String, Integer> colours, String what) {
        TreeMap<String, Integer> out = new TreeMap<>();
        colours.forEach((id, rgb) -> {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a " + what + " colour needs a cause id");
            }
            out.put(id, rgb & 0xFFFFFF);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** These choices with {@code id} drawn in {@code rgb}; a negative {@code rgb} clears the user's choice. */
    public CauseColourChoices withChosen(String id, int rgb) {
        TreeMap<String, Integer> c = new TreeMap<>(chosen);
        if (rgb < 0) {
            c.remove(id);
        } else {
            c.put(id, rgb);
        }
        return new CauseColourChoices(c, given);
    }

    /** These choices with the given colours {@code more} added (a colour already given is kept). */
    public CauseColourChoices withGiven(Map<String, Integer> more) {
        TreeMap<String, Integer> g = new TreeMap<>(more);
        g.replaceAll((k, v) -> v & 0xFFFFFF);
        g.putAll(given);
        return new CauseColourChoices(chosen, g);
    }

    public boolean isEmpty() {
        return chosen.isEmpty() && given.isEmpty();
    }

    /** {@code #rrggbb}, as the file writes a colour. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    /** The RGB of {@code #rrggbb} (any case), or -1 when it is not one. */
    public static int parseHex(String text) {
        if (text == null || !text.matches("#[0-9a-fA-F]{6}")) {
            return -1;
        }
        return Integer.parseInt(text.substring(1), 16);
    }
}
