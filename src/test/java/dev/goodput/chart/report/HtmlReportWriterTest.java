package dev.goodput.chart.report;

import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputTerm;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report is one well-formed page with both charts inline, every cause, and every text escaped. */
class HtmlReportWriterTest {
    private static final String XHTML = HtmlReportWriter.XHTML;
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(#([^)]+)\\)");

    private static String html(Derivation d) throws Exception {
        StringWriter out = new StringWriter();
        new HtmlReportWriter(WaterfallOptions.defaults()).write(d, out);
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleRuns.CLEAN, SampleRuns.BLOOM, SampleRuns.LLAMA})
    void onePageWithBothChartsInlineAndEveryCause(String sample) throws Exception {
        Derivation d = SampleRuns.derive(sample);
        String html = html(d);
        assertTrue(html.startsWith("<!DOCTYPE html>\n"), html.substring(0, 40));
        assertFalse(html.contains("<?xml"), "no XML prolog inside the page");
        Document page = SafeXml.parse(html.getBytes(UTF_8));
        assertEquals(XHTML, page.getDocumentElement().getNamespaceURI());

        List<Element> svgs = SafeXml.elements(page, SafeXml.SVG, "svg");
        assertEquals(2, svgs.size(), "the waterfall and the timeline, inline");
        assertEquals("Where the accelerator time went", svgs.get(0).getAttribute("aria-label"));
        assertEquals("Run timeline", svgs.get(1).getAttribute("aria-label"));
        List<String> waterfallTexts = SafeXml.texts(svgs.get(0), SafeXml.SVG, "text");
        for (String label : ChartLabels.waterfall(d)) { // whole: the waterfall wraps names, never cuts them here
            assertTrue(SafeXml.showsWhole(waterfallTexts, label), label + " in " + waterfallTexts);
        }
        List<String> timelineTexts = SafeXml.texts(svgs.get(1), SafeXml.SVG, "text");
        for (String label : ChartLabels.timeline(d)) {
            assertTrue(SafeXml.shows(timelineTexts, label), label + " in " + timelineTexts);
        }

        List<String> cells = SafeXml.texts(page, XHTML, "td");
        for (CauseShare c : d.report().badput()) {
            assertTrue(cells.contains(c.label() + " " + c.cause()), c.label() + " in the badput table");
        }
        List<String> headers = SafeXml.texts(page, XHTML, "th");
        for (GoodputTerm t : GoodputTerm.values()) {
            assertTrue(headers.contains(t.title()), t.title());
            assertTrue(cells.contains(t.meaning()), t.meaning());
        }
        for (String external : List.of("<link", "<script", " src=\"http", " href=\"http", "@import")) {
            assertFalse(html.contains(external), "self-contained: no " + external);
        }
    }

    /** Two charts from one generator repeat ids; on one page each must stay unique and resolve in its own chart. */
    @Test
    void chartIdsAreUniqueAndEveryReferenceResolves() throws Exception {
        Document page = SafeXml.parse(html(SampleRuns.derive(SampleRuns.BLOOM)).getBytes(UTF_8));
        Set<String> ids = new HashSet<>();
        NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                assertTrue(ids.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
            }
        }
        assertFalse(ids.isEmpty());
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int k = 0; k < attributes.getLength(); k++) {
                String value = ((Attr) attributes.item(k)).getValue();
                Matcher m = URL_REFERENCE.matcher(value);
                while (m.find()) {
                    assertTrue(ids.contains(m.group(1)), "dangling " + m.group());
                }
                if ("href".equals(attributes.item(k).getLocalName()) && value.startsWith("#")) {
                    assertTrue(ids.contains(value.substring(1)), "dangling " + value);
                }
            }
        }
    }

    @Test
    void markupInTheRunNameAndWarningsIsShownAsText(@TempDir Path tmp) throws Exception {
        Path log = HostileRun.write(tmp);
        Derivation d = GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(log)),
                DerivationSettings.defaults());
        String html = html(d);
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no image element");
        assertFalse(html.contains("<b>"), "no bold element");
        Document page = SafeXml.parse(html.getBytes(UTF_8)); // well-formed despite ]]> and -->
        assertEquals("Goodput report: " + HostileRun.NAME, SafeXml.texts(page, XHTML, "title").get(0));
        assertEquals("Goodput report: " + HostileRun.NAME, SafeXml.texts(page, XHTML, "h1").get(0));
        assertTrue(SafeXml.texts(page, XHTML, "dd").contains(HostileRun.NAME));
        assertTrue(SafeXml.texts(page, XHTML, "li").stream().anyMatch(li -> li.contains(HostileRun.BAD_VALUE)),
                "the warning quotes the bad value as text");
        assertTrue(SafeXml.elements(page, XHTML, "b").isEmpty());
        assertTrue(SafeXml.elements(page, XHTML, "img").isEmpty());
    }
}
