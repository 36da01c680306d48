package dev.goodput.chart.report;

import dev.goodput.chart.ChartStyle;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A presentation chart says what it is, of which run and window, and what its goodputs mean and are. */
class ChartCaptionsTest {
    private final GoodputReport clean = SampleRuns.derive(SampleRuns.CLEAN).report();

    @Test
    void subtitleNamesRunWindowAndAccelerators() {
        assertEquals("clean-small (GPT 1.3B on 8x A100) · 2025-03-03 09:00:00 → 09:36:33 UTC (36.6 min) · "
                + "8 accelerators", ChartCaptions.subtitle(clean));
        assertTrue(ChartCaptions.subtitle(SampleRuns.derive(SampleRuns.LLAMA).report()).endsWith(
                " · 16,384 accelerators"));
    }

    @Test
    void captionDefinesTheGoodputsAndGivesThisWindowsValues() {
        String caption = ChartCaptions.caption(clean);
        for (String definition : new String[]{"Infra goodput = available ÷ window",
                "Framework goodput = productive ÷ available", "Model goodput = MFU × (productive − slow steps) ÷ productive",
                "Overall goodput = infra × framework × model"}) {
            assertTrue(caption.contains(definition), definition + " in " + caption);
        }
        assertTrue(caption.contains("This window: infra " + HumanFormat.pct(clean.goodput().infra()) + ", framework "
                + HumanFormat.pct(clean.goodput().framework()) + ", model " + HumanFormat.pct(clean.goodput().model())
                + ", overall " + HumanFormat.pct(clean.goodput().overall()) + "."), caption);
    }

    @Test
    void titlesPerChartAndOverridesOnlyWhenGiven() {
        ChartCaptions waterfall = ChartCaptions.of(ReportChart.WATERFALL, clean);
        assertEquals("Where the accelerator time went", waterfall.title());
        assertEquals("Run timeline", ChartCaptions.of(ReportChart.TIMELINE, clean).title());
        assertSame(waterfall, waterfall.withTitle(null).withSubtitle(null));
        ChartCaptions custom = waterfall.withTitle("Q3 review").withSubtitle("cluster B");
        assertEquals("Q3 review", custom.title());
        assertEquals("cluster B", custom.subtitle());
        assertEquals(waterfall.caption(), custom.caption());
    }

    @Test
    void dressingKeepsTheStylesLookAndSetsItsWords() {
        ChartStyle base = ChartStyle.presentation(null, null, null);
        ChartStyle dressed = ChartCaptions.of(ReportChart.TIMELINE, clean).dress(base);
        assertEquals(new ChartStyle(base.background(), base.text(), base.mutedText(), base.grid(), base.fontScale(),
                "Run timeline", ChartCaptions.subtitle(clean), true, ChartCaptions.caption(clean)), dressed);
        ChartStyle screen = ChartCaptions.NONE.dress(ChartStyle.screen());
        assertEquals(ChartStyle.screen(), screen);
        assertNull(screen.title());
    }
}
