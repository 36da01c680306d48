package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;

/**
 * Draws a chart through PDFBox's Graphics2D bridge onto a one-page PDF the size of the chart in points, text
 * as text in the embedded DejaVu Sans ({@link PdfChartFonts}).
 */
final class PdfChartWriter {
    private PdfChartWriter() {
    }

    static void write(Chart chart, ChartStyle style, ChartSize size, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(size.width(), size.height()));
            document.addPage(page);
            describe(document.getDocumentInformation(), chart, style);

            // The bridge paints into a form XObject, which is then placed on the page.
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, size.width(), size.height());
            g.setFontTextDrawer(new PdfChartFonts());
            ChartHints.apply(g);
            chart.paint(g, style, size.width(), size.height());
            g.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g.getXFormObject());
            }
            document.save(out); // leaves out open
        }
    }

    private static void describe(PDDocumentInformation info, Chart chart, ChartStyle style) {
        String title = style.title();
        info.setTitle(title == null || title.isBlank() ? chart.name() : title);
        if (style.subtitle() != null && !style.subtitle().isBlank()) {
            info.setSubject(style.subtitle());
        }
        info.setCreator("Goodput Workbench");
        info.setCreationDate(Calendar.getInstance());
    }
}
