package dev.goodput.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The one typeface of every chart, DejaVu Sans, bundled (licence beside it) so that screen, PNG, SVG and PDF
 * measure and show text alike on any machine, with no system fonts needed by the headless CLI.
 */
public final class ChartFonts {
    /** The family name SVG and HTML exports ask for, with fallbacks a browser has. */
    public static final String CSS_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif";
    private static final Font REGULAR = load("DejaVuSans.ttf");
    private static final Font BOLD = load("DejaVuSans-Bold.ttf");

    private ChartFonts() {
    }

    public static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    public static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** The bold face: a font loaded from the bold file has style PLAIN, and only its face name says bold. */
    public static boolean facedBold(Font font) {
        return font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).contains("bold");
    }

    /** The font file's bytes, for embedding (PDF). */
    public static InputStream stream(boolean bold) {
        return ChartFonts.class.getResourceAsStream("fonts/" + (bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"));
    }

    private static Font load(String file) {
        try (InputStream in = ChartFonts.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the chart font " + file + " is missing from the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the chart font " + file + " is damaged", e);
        }
    }
}
