package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartFonts;
import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGSyntax;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import java.awt.Dimension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * Draws a chart through Batik's SVG Graphics2D: shapes become paths and rectangles, text stays {@code <text>}
 * (selectable and searchable in a browser), images are embedded as PNG.
 */
final class SvgChartWriter {
    /** Families as Batik writes them: the charts' own, and Java's default its root style names. */
    private static final Set<String> JAVA_FAMILIES = Set.of("'DejaVu Sans'", "'Dialog'");
    private static final Pattern NOT_IN_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private SvgChartWriter() {
    }

    static void write(Chart chart, ChartStyle style, ChartSize size, OutputStream out) throws IOException {
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(newDocument());
        context.setComment(null); // Batik's advert, not wanted in the user's file
        context.setImageHandler(new SvgImageEncoder());
        SvgChartGraphics g = new SvgChartGraphics(context);
        g.setSVGCanvasSize(new Dimension(size.width(), size.height()));
        ChartHints.apply(g);
        chart.paint(g, style, size.width(), size.height());

        Element root = g.getRoot();
        // width and height alone would pin the size; the viewBox lets browsers and slides scale it.
        root.setAttributeNS(null, "viewBox", "0 0 " + size.width() + " " + size.height());
        tidy(root);

        g.dispose();
        serialize(root, out);
    }

    /**
     * Two fixes over the whole tree. Batik names families as Java knows them ({@code 'DejaVu Sans'}, and
     * {@code 'Dialog'} for the root's default); a browser without that font would fall back to its default
     * serif, so the charts' CSS family with sans-serif fallbacks is written instead. And characters XML 1.0 cannot hold (control characters, say in a run
     * name) would make the file unreadable, so they become U+FFFD.
     */
    private static void tidy(Node node) {
        if (node instanceof Element element) {
            if (JAVA_FAMILIES.contains(element.getAttributeNS(null, "font-family"))) {
                element.setAttributeNS(null, "font-family", ChartFonts.CSS_FAMILY);
            }
        } else if (node instanceof Text text) {
            text.setData(NOT_IN_XML.matcher(text.getData()).replaceAll("\uFFFD"));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            tidy(child);
        }
    }

    /**
     * Written by the JDK rather than Batik's stream(), which adds an SVG 1.0 DOCTYPE pointing at the W3C's
     * DTD: obsolete, and a reason for strict XML readers to refuse the file or to fetch the DTD.
     */
    private static void serialize(Element root, OutputStream out) throws IOException {
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", SVGSyntax.SVG_NAMESPACE_URI);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", SVGSyntax.XLINK_NAMESPACE_URI);
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            // Written here, as the JDK's own runs straight into the root element on the same line.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII));
            transformer.transform(new DOMSource(root), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("could not write the SVG", e);
        }
    }

    /** The JDK's DOM is enough for Batik's generator (it needs no SVG DOM), so batik-dom is not shipped. */
    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the Java runtime's XML support is misconfigured", e);
        }
    }
}
