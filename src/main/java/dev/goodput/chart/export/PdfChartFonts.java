package dev.goodput.chart.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import dev.goodput.chart.ChartFonts;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;

/**
 * Maps the charts' fonts to the bundled DejaVu Sans, embedded (as a subset) in the PDF, so text is written
 * as text: selectable, searchable, extractable. Without a mapping the library draws every glyph as a vector
 * outline. Every font maps to DejaVu by weight, since charts draw only in it ({@link ChartFonts}); the fonts are
 * loaded on first use, per document, so one instance serves one document and is not shared.
 */
final class PdfChartFonts extends PdfBoxGraphics2DFontTextDrawer {
    private PDFont regular;
    private PDFont bold;

    @Override
    protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
        // A font loaded from the bold file has style PLAIN; its face name says it is bold.
        boolean isBold = font.isBold() || ChartFonts.facedBold(font);
        if (isBold) {
            if (bold == null) {
                bold = load(env, true);
            }
            return bold;
        }
        if (regular == null) {
            regular = load(env, false);
        }
        return regular;
    }

    private static PDFont load(IFontTextDrawerEnv env, boolean bold) throws IOException {
        try (InputStream in = ChartFonts.stream(bold)) {
            if (in == null) {
                throw new IOException("the chart font is missing from the class path");
            }
            return PDType0Font.load(env.getDocument(), in, true);
        }
    }
}
