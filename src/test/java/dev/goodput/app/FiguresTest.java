package dev.goodput.app;

import dev.goodput.chart.report.HtmlReportWriter;
import dev.goodput.chart.waterfall.WaterfallHover;
import dev.goodput.chart.waterfall.WaterfallModel;
import dev.goodput.chart.waterfall.WaterfallOptions;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.report.CauseShare;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiguresTest {
    @Test
    void percentages() {
        assertEquals("44.95%", Figures.percent(0.44949));
        assertEquals("n/a", Figures.percent(null));
        assertEquals("n/a", Figures.percent(Double.NaN));
    }

    @Test
    void durationsPickAReadableUnit() {
        assertEquals("42.0 s", Figures.duration(42.0));
        assertEquals("2.8 min", Figures.duration(167.0));
        assertEquals("3.25 h", Figures.duration(3.25 * 3600));
        assertEquals("2.10 d", Figures.duration(2.1 * 86400));
        assertEquals("n/a", Figures.duration(Double.NaN));
    }

    /**
     * Accelerator-hours of issue 13: one convention (three significant figures, then k, M) in the badput table, the
     * waterfall's hover and the HTML report, for every cause of the 54-day run (hundreds of thousands of hours).
     */
    @Test
    void acceleratorHoursReadTheSameInTheTableTheWaterfallAndTheHtmlReport() throws Exception {
        Derivation d = SampleRuns.derive(SampleRuns.LLAMA);
        StringWriter html = new StringWriter();
        new HtmlReportWriter(WaterfallOptions.defaults()).write(d, html);
        WaterfallModel m = WaterfallModel.of(d.report(), 0);
        for (CauseShare c : d.report().badput()) {
            String table = BadputRow.of(c).acceleratorHours();
            assertTrue(table.matches("[0-9.,]+[kMG]?") && table.replaceAll("[^0-9]", "").replaceFirst("^0+", "")
                    .length() <= 4, c.cause() + ": " + table);
            assertTrue(html.toString().contains(">" + table + "</td>"), c.cause() + " in the HTML: " + table);
            // A cause drawn alone (one gathered in its layer's "other" has no hover of its own).
            m.bars().stream().filter(b -> b instanceof WaterfallModel.Step)
                    .flatMap(b -> ((WaterfallModel.Step) b).segments().stream())
                    .filter(g -> g.layer() == c.layer() && g.cause().equals(c.cause())).findFirst().ifPresent(s -> {
                        String hover = WaterfallHover.describe(m, s, WaterfallOptions.defaults());
                        assertTrue(hover.contains("Accelerator-hours: " + table + " h"), hover + " vs " + table);
                    });
        }
        assertEquals("85.3k", Figures.hours(85_312.4));
        assertEquals("0.0933", Figures.hours(0.09333));
    }
}
