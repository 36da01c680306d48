package dev.goodput.chart.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Strict XML parsing for the export tests: namespace-aware, no external entities or DTDs fetched, and a
 * malformed document fails the test instead of being repaired as a browser would.
 */
public final class SafeXml {
    public static final String SVG = "http://www.w3.org/2000/svg";

    private SafeXml() {
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(null); // errors throw; nothing printed
        return builder.parse(new ByteArrayInputStream(xml));
    }

    /** The text of every element named {@code name} in namespace {@code ns}, in document order. */
    public static List<String> texts(Document d, String ns, String name) {
        return texts(d.getDocumentElement(), ns, name);
    }

    /** The text of every element named {@code name} in namespace {@code ns} under {@code root}. */
    public static List<String> texts(Element root, String ns, String name) {
        return elements(root, ns, name).stream().map(Element::getTextContent).toList();
    }

    /** The elements named {@code name} in namespace {@code ns}. */
    public static List<Element> elements(Document d, String ns, String name) {
        return elements(d.getDocumentElement(), ns, name);
    }

    private static List<Element> elements(Element root, String ns, String name) {
        List<Element> out = new ArrayList<>();
        if (name.equals(root.getLocalName()) && ns.equals(root.getNamespaceURI())) {
            out.add(root);
        }
        NodeList nodes = root.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /**
     * Whether a chart shows {@code label}: whole (see {@link #showsWhole}), or cut short with an ellipsis where space
     * ran out.
     */
    public static boolean shows(List<String> texts, String label) {
        if (showsWhole(texts, label)) {
            return true;
        }
        for (String t : texts) {
            String s = t.strip();
            if (s.endsWith("…") && s.length() > 1 && label.startsWith(s.substring(0, s.length() - 1).strip())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a chart shows {@code label} whole: as one text, or wrapped over consecutive texts (the lines of a
     * waterfall callout) that read as the label when joined by spaces.
     */
    public static boolean showsWhole(List<String> texts, String label) {
        for (int i = 0; i < texts.size(); i++) {
            String joined = texts.get(i).strip();
            for (int j = i + 1; joined.length() < label.length() && j < texts.size(); j++) {
                joined += " " + texts.get(j).strip();
            }
            if (texts.get(i).strip().equals(label) || joined.equals(label) && !texts.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }
}
