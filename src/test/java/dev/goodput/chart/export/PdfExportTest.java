package dev.goodput.chart.export;

import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.goodput.chart.export.SampleChart.SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfExportTest {
    @Test
    void thePageIsTheChartSizeInPoints() throws IOException {
        try (PDDocument pdf = export(ChartStyle.screen(), ChartSize.SLIDE_16_9)) {
            assertEquals(1, pdf.getNumberOfPages());
            PDPage page = pdf.getPage(0);
            assertEquals(1600f, page.getMediaBox().getWidth());
            assertEquals(900f, page.getMediaBox().getHeight());
        }
    }

    @Test
    void everyLabelIsExtractableText() throws IOException {
        try (PDDocument pdf = export(ChartStyle.screen(), SIZE)) {
            String text = new PDFTextStripper().getText(pdf);
            for (String label : SampleChart.LABELS) {
                assertTrue(text.contains(label), "expected '" + label + "' in the text:\n" + text);
            }
        }
    }

    @Test
    void theBundledFontsAreEmbedded() throws IOException {
        try (PDDocument pdf = export(ChartStyle.screen(), SIZE)) {
            List<PDFont> fonts = new ArrayList<>();
            collect(pdf.getPage(0).getResources(), fonts, new ArrayList<>());
            List<String> names = fonts.stream().map(PDFont::getName).toList();
            assertEquals(2, fonts.size(), names.toString());
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName());
            }
            assertTrue(names.stream().anyMatch(n -> n.endsWith("+DejaVuSans")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith("+DejaVuSans-Bold")), names.toString());
        }
    }

    @Test
    void theImageIsKept() throws IOException {
        try (PDDocument pdf = export(ChartStyle.screen(), SIZE)) {
            List<PDImageXObject> images = new ArrayList<>();
            collect(pdf.getPage(0).getResources(), new ArrayList<>(), images);
            assertFalse(images.isEmpty());
        }
    }

    @Test
    void theTitleIsTheStyleTitleOrElseTheChartName() throws IOException {
        try (PDDocument pdf = export(ChartStyle.presentation("Where the hours went", "run 42", null), SIZE)) {
            assertEquals("Where the hours went", pdf.getDocumentInformation().getTitle());
            assertEquals("run 42", pdf.getDocumentInformation().getSubject());
        }
        try (PDDocument pdf = export(ChartStyle.screen(), SIZE)) {
            assertEquals("sample", pdf.getDocumentInformation().getTitle());
        }
    }

    private static PDDocument export(ChartStyle style, ChartSize size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartExporter.write(new SampleChart(), style, size, ChartFormat.PDF, 1, out);
        return Loader.loadPDF(out.toByteArray());
    }

    /** Fonts and images of the resources and of the forms within them (the chart is drawn as a form). */
    private static void collect(PDResources resources, List<PDFont> fonts, List<PDImageXObject> images)
            throws IOException {
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form && form.getResources() != null) {
                collect(form.getResources(), fonts, images);
            } else if (object instanceof PDImageXObject image) {
                images.add(image);
            }
        }
    }
}
