package dev.goodput.chart.waterfall;

import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.report.ChartCaptions;
import dev.goodput.chart.report.ReportChart;
import dev.goodput.chart.report.SafeXml;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.load.RunRequest;
import dev.goodput.testing.SampleRuns;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Element;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waterfall's text on the real samples, as laid out for drawing: every cause's name whole when the chart has
 * room for it (wrapped, not cut), every piece of text inside the image, none over another or over a bar, bar
 * names apart; what is drawn is what was laid out.
 */
class WaterfallLayoutTest {
    /** The waterfall pane's size in the workbench's default window (1440 × 920), screen style. */
    static final ChartSize DEFAULT_WINDOW_PANE = new ChartSize(789, 212);

    private static GoodputReport report(String sample) {
        return SampleRuns.derive(sample).report();
    }

    private static WaterfallModel model(String sample) {
        return WaterfallModel.of(report(sample), WaterfallOptions.DEFAULT_OTHER_THRESHOLD);
    }

    private static ChartStyle presentation(String sample) {
        return ChartCaptions.of(ReportChart.WATERFALL, report(sample)).presentation();
    }

    private static WaterfallLayout layout(String sample, ChartStyle style, ChartSize size, WaterfallOptions o) {
        return new WaterfallLayout(WaterfallModel.of(report(sample), o.otherThreshold()), o, style, size.width(),
                size.height());
    }

    static Stream<Arguments> roomyCharts() {
        List<Arguments> all = new ArrayList<>();
        for (String sample : SampleRuns.ALL) {
            all.add(Arguments.of(sample, "slide", presentation(sample), ChartSize.SLIDE_16_9));
            all.add(Arguments.of(sample, "document", presentation(sample), ChartSize.DOCUMENT));
            all.add(Arguments.of(sample, "default window", ChartStyle.screen(), DEFAULT_WINDOW_PANE));
            all.add(Arguments.of(sample, "default window, dark", ChartStyle.screenDark(), DEFAULT_WINDOW_PANE));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("roomyCharts")
    void everyNameIsWholeInsideTheImageAndClearOfTheRest(String sample, String where, ChartStyle style,
                                                         ChartSize size) {
        WaterfallLayout l = layout(sample, style, size, WaterfallOptions.defaults());
        assertApart(l, size);
        for (WaterfallLayout.PlacedName n : l.names()) {
            assertEquals(n.bar().label(), n.text().text());
            assertTrue(n.whole());
        }
        for (WaterfallLayout.PlacedSegment s : l.segments()) {
            assertTrue(s.labelled(), s.segment().label() + " has a callout");
            assertEquals(s.segment().label(), s.name(), "its name whole");
            assertFalse(s.name().contains("…"));
        }
        // On slides and in documents the numbers are whole too; in the window's small pane the runs with many causes
        // give up some (the hover has them).
        if (style.title() != null) {
            for (WaterfallLayout.PlacedSegment s : l.segments()) {
                assertEquals(WaterfallFormat.label(model(sample), s.segment().fraction(), WaterfallOptions.defaults()),
                        s.numbers(), s.segment().label());
            }
        }
    }

    @Test
    void bloomOnASlideShowsEveryCalloutOnTwoLinesTheTidiestForm() {
        WaterfallLayout l = layout(SampleRuns.BLOOM, presentation(SampleRuns.BLOOM), ChartSize.SLIDE_16_9,
                WaterfallOptions.defaults());
        for (WaterfallLayout.PlacedSegment s : l.segments()) {
            assertEquals(2, s.lines().size(), s.name());
            assertEquals(s.segment().label(), s.lines().get(0).text());
        }
        // The highest callout, Hot spares, faces its segment and stays under the window's value text.
        WaterfallLayout.PlacedSegment top = l.segments().get(0);
        assertEquals("hot_spares", top.segment().cause());
        assertTrue(top.callout().getMinY() >= l.plot().getMinY() - 2 * ChartText.lineHeight(l.valueFont()) - 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FRACTION", "ACCELERATOR_HOURS", "COST"})
    void everyUnitFitsOnASlide(String unit) {
        WaterfallOptions o = WaterfallOptions.defaults().withUnit(WaterfallUnit.valueOf(unit)).withPrice(3.2);
        for (String sample : SampleRuns.ALL) {
            WaterfallLayout l = layout(sample, presentation(sample), ChartSize.SLIDE_16_9, o);
            assertApart(l, ChartSize.SLIDE_16_9);
            for (WaterfallLayout.PlacedSegment s : l.segments()) {
                assertEquals(s.segment().label(), s.name());
                assertEquals(WaterfallFormat.label(WaterfallModel.of(report(sample), o.otherThreshold()), s.segment().fraction(), o), s.numbers());
            }
        }
    }

    /** Every cause shown, no threshold: the 54-day run's 20-odd infra causes. */
    @Test
    void everyCauseUngroupedStillNeverCollides() {
        WaterfallOptions all = WaterfallOptions.defaults().withOtherThreshold(0);
        for (ChartSize size : List.of(ChartSize.SLIDE_16_9, ChartSize.DOCUMENT)) {
            assertApart(layout(SampleRuns.LLAMA, presentation(SampleRuns.LLAMA), size, all), size);
        }
        assertApart(layout(SampleRuns.LLAMA, ChartStyle.screen(), DEFAULT_WINDOW_PANE, all), DEFAULT_WINDOW_PANE);
    }

    /** Too small for every name: callouts shorten or go (the hover tells), but text never collides or leaves. */
    @ParameterizedTest
    @ValueSource(strings = {"660x200", "480x180", "360x140", "320x120", "1600x300", "300x900"})
    void smallChartsShortenButNeverCollide(String wxh) {
        String[] p = wxh.split("x");
        ChartSize size = new ChartSize(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        for (String sample : SampleRuns.ALL) {
            assertApart(layout(sample, ChartStyle.screen(), size, WaterfallOptions.defaults()), size);
        }
    }

    /** A run with no FLOPs or peak: the waterfall stops at productive time and says why, clear of the callouts. */
    @Test
    void withoutTheModelLayerTheNoteIsWholeAndClear(@TempDir Path dir) throws Exception {
        Path log = TestInputs.qwenRunLog(dir.resolve("run.jsonl"), "");
        GoodputReport r = new RunPipeline().load(RunRequest.of(List.of(log), LoadOptions.of(LoadMode.STRICT)))
                .derivation().report();
        WaterfallModel m = WaterfallModel.of(r, 0);
        assertFalse(m.reachesGoodput());
        for (ChartSize size : List.of(ChartSize.SLIDE_16_9, DEFAULT_WINDOW_PANE, new ChartSize(480, 180))) {
            WaterfallLayout l = new WaterfallLayout(m, WaterfallOptions.defaults(), ChartStyle.screen(), size.width(),
                    size.height());
            assertApart(l, size);
            List<String> texts = l.texts().stream().map(PlacedText::text).toList();
            assertTrue(SafeXml.showsWhole(texts, "Model goodput unknown (no model FLOPs or peak FLOP/s): the "
                    + "waterfall stops at productive time."), texts.toString());
        }
    }

    @Test
    void aCutBarNameIsWholeInItsHover() {
        ChartSize narrow = new ChartSize(330, 160);
        WaterfallLayout l = layout(SampleRuns.BLOOM, ChartStyle.screen(), narrow, WaterfallOptions.defaults());
        WaterfallLayout.PlacedName cut = l.names().stream().filter(n -> !n.whole()).findFirst().orElseThrow();
        assertTrue(cut.text().text().endsWith("…"), cut.text().text());
        Rectangle2D box = cut.text().box();
        assertEquals(cut, l.nameAt(box.getCenterX(), box.getCenterY()));
    }

    /** The SVG export draws each piece of laid-out text at its place: the checks above are of the drawing. */
    @Test
    void whatIsDrawnIsWhatWasLaidOut() throws Exception {
        ChartStyle style = presentation(SampleRuns.LLAMA);
        WaterfallChart chart = new WaterfallChart(model(SampleRuns.LLAMA), WaterfallOptions.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartExporter.write(chart, style, ChartSize.DOCUMENT, ChartFormat.SVG, 1, out);
        List<Element> drawn = SafeXml.elements(SafeXml.parse(out.toByteArray()), SafeXml.SVG, "text");
        List<PlacedText> laidOut = chart.layout(style, ChartSize.DOCUMENT.width(), ChartSize.DOCUMENT.height())
                .texts();
        for (PlacedText t : laidOut) {
            assertTrue(drawn.stream().anyMatch(e -> e.getTextContent().equals(t.text())
                            && Math.abs(Double.parseDouble(e.getAttribute("x")) - t.x()) < 0.01
                            && Math.abs(Double.parseDouble(e.getAttribute("y")) - t.top() - ChartText.ascent(t.font()))
                            < 0.01),
                    t.text() + " drawn at " + t.x() + ", " + t.top());
        }
        long legendEntries = chart.layout(style, ChartSize.DOCUMENT.width(), ChartSize.DOCUMENT.height()).legend()
                .entries().size();
        assertEquals(laidOut.size() + legendEntries, drawn.size(), "nothing drawn that was not laid out");
    }

    /**
     * Through the export code: every bar's and cause's name whole (wrapped over lines maybe, never cut) in the SVG
     * and PDF of each sample, on a slide and in a document.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SampleRuns.CLEAN, SampleRuns.BLOOM, SampleRuns.LLAMA})
    void exportsShowEveryNameWhole(String sample) throws Exception {
        WaterfallChart chart = new WaterfallChart(model(sample), WaterfallOptions.defaults());
        List<String> names = new ArrayList<>();
        for (WaterfallModel.Bar b : model(sample).bars()) {
            names.add(b.label());
            if (b instanceof WaterfallModel.Step s) {
                s.segments().forEach(seg -> names.add(seg.label()));
            }
        }
        for (ChartSize size : List.of(ChartSize.SLIDE_16_9, ChartSize.DOCUMENT)) {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            ChartExporter.write(chart, presentation(sample), size, ChartFormat.SVG, 1, svg);
            List<String> texts = SafeXml.texts(SafeXml.parse(svg.toByteArray()), SafeXml.SVG, "text");
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            ChartExporter.write(chart, presentation(sample), size, ChartFormat.PDF, 1, pdf);
            String pdfText;
            try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
                pdfText = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            for (String name : names) {
                assertTrue(SafeXml.showsWhole(texts, name), name + " whole in the SVG at " + size + ": " + texts);
                assertTrue(pdfText.contains(name), name + " whole in the PDF at " + size + ": " + pdfText);
            }
            assertFalse(texts.stream().anyMatch(t -> t.contains("…")), "nothing cut: " + texts);
        }
    }

    /** Inside the image; no text over another, over a bar or the legend; bar names at least a few units apart. */
    static void assertApart(WaterfallLayout l, ChartSize size) {
        List<PlacedText> texts = l.texts();
        Rectangle2D image = new Rectangle2D.Double(0, 0, size.width(), size.height());
        List<Rectangle2D> bars = new ArrayList<>();
        l.totals().forEach(t -> bars.add(t.bar()));
        l.steps().forEach(s -> bars.add(s.bar()));
        Rectangle2D legend = l.legendBox(size.width());
        for (int i = 0; i < texts.size(); i++) {
            PlacedText a = texts.get(i);
            Rectangle2D box = a.box();
            assertEquals(ChartText.width(a.text(), a.font()), box.getWidth(), 1e-9);
            assertTrue(image.contains(box), "'" + a.text() + "' " + box + " inside " + size);
            assertFalse(!legend.isEmpty() && legend.intersects(box), "'" + a.text() + "' over the legend");
            for (Rectangle2D bar : bars) {
                assertFalse(bar.getHeight() > 0 && bar.intersects(box), "'" + a.text() + "' over a bar " + bar);
            }
            for (int j = i + 1; j < texts.size(); j++) {
                assertFalse(box.intersects(texts.get(j).box()),
                        "'" + a.text() + "' " + box + " over '" + texts.get(j).text() + "' " + texts.get(j).box());
            }
        }
        List<WaterfallLayout.PlacedName> names = l.names();
        for (int i = 1; i < names.size(); i++) {
            double between = names.get(i).text().box().getMinX() - names.get(i - 1).text().box().getMaxX();
            assertTrue(between >= 4, names.get(i - 1).text().text() + " and " + names.get(i).text().text()
                    + " run together: " + between);
        }
        for (WaterfallLayout.PlacedSegment s : l.segments()) {
            if (s.labelled()) {
                assertTrue(s.callout().getMinX() > s.bar().getMaxX(), "a callout right of its bar");
            }
        }
    }
}
