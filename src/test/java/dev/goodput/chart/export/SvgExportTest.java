package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartFonts;
import dev.goodput.chart.ChartStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.awt.Graphics2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import static dev.goodput.chart.export.SampleChart.SIZE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgExportTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static byte[] svg;
    private static Document document;

    @BeforeAll
    static void export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, ChartFormat.SVG, 1, out);
        svg = out.toByteArray();
        document = parse(svg);
    }

    @Test
    void theRootIsSizedAndScalable() {
        Element root = document.getDocumentElement();
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals("400", root.getAttribute("width"));
        assertEquals("220", root.getAttribute("height"));
        assertEquals("0 0 400 220", root.getAttribute("viewBox"));
    }

    @Test
    void everyLabelIsATextElementWithItsExactCharacters() {
        List<String> texts = new ArrayList<>();
        for (Element text : texts()) {
            texts.add(text.getTextContent());
        }
        for (String label : SampleChart.LABELS) {
            assertTrue(texts.contains(label), "expected <text>" + label + "</text> among " + texts);
        }
    }

    @Test
    void theFileIsUtf8AndSaysSo() {
        String raw = new String(svg, UTF_8);
        assertTrue(raw.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), raw.substring(0, 60));
        assertTrue(raw.contains(SampleChart.SYMBOL_LABEL), "the symbols are written as UTF-8 characters");
    }

    @Test
    void textAsksForTheChartFamilyWithBrowserFallbacksAndKeepsBoldFacesBold() {
        for (Element text : texts()) {
            assertEquals(ChartFonts.CSS_FAMILY, inherited(text, "font-family"), text.getTextContent());
            String weight = inherited(text, "font-weight");
            if (text.getTextContent().equals(SampleChart.TITLE_LABEL)) {
                assertEquals("bold", weight);
            } else {
                assertTrue(weight == null || weight.equals("normal"), text.getTextContent() + ": " + weight);
            }
        }
    }

    @Test
    void theImageIsEmbedded() {
        NodeList images = document.getElementsByTagNameNS(SVG_NS, "image");
        assertEquals(1, images.getLength());
        String href = ((Element) images.item(0)).getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertTrue(href.startsWith("data:image/png;base64,"), href.substring(0, Math.min(40, href.length())));
    }

    @Test
    void theScaleIsIgnored() throws Exception {
        ByteArrayOutputStream atSeven = new ByteArrayOutputStream();
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, ChartFormat.SVG, 7, atSeven);
        assertArrayEquals(svg, atSeven.toByteArray());
    }

    @Test
    void charactersXmlCannotHoldAreReplacedSoTheFileStaysReadable() throws Exception {
        Chart chart = new Chart() {
            @Override
            public void paint(Graphics2D g, ChartStyle style, double width, double height) {
                g.setFont(ChartFonts.regular(12));
                g.drawString("run\u0001name\u001b[0m <&> \"quoted\"", 10, 20);
            }

            @Override
            public String name() {
                return "control";
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartExporter.write(chart, ChartStyle.screen(), SIZE, ChartFormat.SVG, 1, out);
        Node text = parse(out.toByteArray()).getElementsByTagNameNS(SVG_NS, "text").item(0);
        assertEquals("run\uFFFDname\uFFFD[0m <&> \"quoted\"", text.getTextContent());
    }

    private static List<Element> texts() {
        NodeList nodes = document.getElementsByTagNameNS(SVG_NS, "text");
        List<Element> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add((Element) nodes.item(i));
        }
        return texts;
    }

    /** The presentation attribute as it applies to the element: its own or its nearest ancestor's. */
    private static String inherited(Element element, String attribute) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttribute(attribute)) {
                return e.getAttribute(attribute);
            }
        }
        return null;
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
