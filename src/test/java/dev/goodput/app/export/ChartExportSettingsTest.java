package dev.goodput.app.export;

import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.export.ChartFormat;
import dev.goodput.chart.report.ChartCaptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ChartExportSettingsTest {
    private static final ChartCaptions WORDS = new ChartCaptions("Where it went", "run · window", "Definitions.");

    @Test
    void presentationCarriesTheEditedTitleAndTheCaption() {
        ChartExportSettings s = new ChartExportSettings(ChartFormat.PDF, 1, ChartSizePreset.SLIDE, true,
                "  Q3 review  ", "");
        ChartStyle style = s.style(WORDS, ChartStyle.screenDark());
        assertEquals("Q3 review", style.title());
        assertEquals("run · window", style.subtitle(), "a blank subtitle keeps the run's");
        assertEquals("Definitions.", style.caption());
        assertEquals(ChartStyle.presentation(null, null, null).background(), style.background());
        assertEquals(1.5f, style.fontScale());
    }

    @Test
    void asOnScreenIsTheScreenStyleUntouched() {
        ChartStyle screen = ChartStyle.screenDark();
        assertSame(screen, new ChartExportSettings(ChartFormat.SVG, 1, ChartSizePreset.SHOWN, false, "t", "s")
                .style(WORDS, screen));
        assertNull(screen.title());
    }

    @Test
    void fileNamesAreSafeAndSizesFollowThePreset() {
        ChartExportSettings png = ChartExportSettings.defaults(WORDS);
        assertEquals("clean-small-gpt-1.3b-on-8x-a100-waterfall.png",
                png.fileName("clean-small (GPT 1.3B on 8x A100)", "waterfall"));
        assertEquals("run-timeline.png", png.fileName("../../", "timeline"));
        assertEquals(ChartSize.SLIDE_16_9, ChartSizePreset.SLIDE.size(10, 10));
        assertEquals(ChartSize.DOCUMENT, ChartSizePreset.DOCUMENT.size(10, 10));
        assertEquals(new ChartSize(812, 333), ChartSizePreset.SHOWN.size(812.4, 332.6));
        assertEquals(2, png.scale());
        assertEquals(ChartFormat.PNG, png.format());
    }
}
