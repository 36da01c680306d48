package dev.goodput.chart.report;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * An SVG file turned into an {@code <svg>} element for an HTML page. Inline rather than an {@code <img>} of a
 * data URI, so the charts' text can be found, selected and read aloud on the page. Charts drawn by the same
 * generator repeat ids ({@code clipPath1}…), and in one HTML document the second chart's {@code url(#clipPath1)}
 * would resolve to the first chart's clip, so each chart's ids (and references to them) get a prefix. The XML
 * prolog is dropped: it is not allowed inside HTML.
 */
final class InlineSvg {
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(#([^)\\s]+)\\)");

    private InlineSvg() {
    }

    /** Writes {@code svg}'s root element to {@code out}, its ids prefixed with {@code idPrefix}. */
    static void write(byte[] svg, String idPrefix, String label, Writer out) throws IOException {
        Element root = parse(svg).getDocumentElement();
        Set<String> ids = new HashSet<>();
        collectIds(root, ids);
        prefixIds(root, idPrefix, ids);
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            prefixIds((Element) all.item(i), idPrefix, ids);
        }
        root.setAttributeNS(null, "role", "img");
        root.setAttributeNS(null, "aria-label", label);
        serialize(root, out);
    }

    private static void collectIds(Element root, Set<String> ids) {
        addId(root, ids);
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            addId((Element) all.item(i), ids);
        }
    }

    private static void addId(Element e, Set<String> ids) {
        if (e.hasAttributeNS(null, "id")) {
            ids.add(e.getAttributeNS(null, "id"));
        }
    }

    /** Renames the element's id and every {@code url(#id)} and {@code #id} link among its attributes. */
    private static void prefixIds(Element e, String prefix, Set<String> ids) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String value = a.getValue();
            if ("id".equals(a.getLocalName()) && a.getNamespaceURI() == null && ids.contains(value)) {
                a.setValue(prefix + value);
            } else if ("href".equals(a.getLocalName()) && value.startsWith("#") && ids.contains(value.substring(1))) {
                a.setValue("#" + prefix + value.substring(1));
            } else if (value.contains("url(#")) {
                a.setValue(prefixReferences(value, prefix, ids));
            }
        }
    }

    private static String prefixReferences(String value, String prefix, Set<String> ids) {
        Matcher m = URL_REFERENCE.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            m.appendReplacement(b, Matcher.quoteReplacement("url(#" + (ids.contains(id) ? prefix + id : id) + ")"));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Our own SVG, but parsed as any untrusted XML: no DTDs, no external entities. */
    private static Document parse(byte[] svg) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the chart's SVG: " + e.getMessage(), e);
        }
    }

    private static void serialize(Element root, Writer out) throws IOException {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.transform(new DOMSource(root), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write the chart's SVG: " + e.getMessage(), e);
        }
    }
}
