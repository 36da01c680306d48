package dev.goodput.chart.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartFormatTest {
    @Test
    void fileNamesNameTheirFormatInAnyCase() {
        assertEquals(ChartFormat.PDF, ChartFormat.fromFileName("x.PDF"));
        assertEquals(ChartFormat.PNG, ChartFormat.fromFileName("/tmp/run 1/waterfall.v2.png"));
        assertEquals(ChartFormat.SVG, ChartFormat.fromFileName("chart.Svg"));
    }

    @Test
    void anUnknownExtensionNamesTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartFormat.fromFileName("chart.jpg"));
        assertEquals("cannot tell the chart format of 'chart.jpg': expected a file name ending in one of "
                + ".png, .svg, .pdf", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChartFormat.fromFileName("chart"));
        assertThrows(IllegalArgumentException.class, () -> ChartFormat.fromFileName("chart."));
    }

    @Test
    void namesParseInAnyCaseWithOrWithoutTheDot() {
        assertEquals(ChartFormat.SVG, ChartFormat.parse("svg"));
        assertEquals(ChartFormat.PNG, ChartFormat.parse("PNG"));
        assertEquals(ChartFormat.PDF, ChartFormat.parse(".pdf"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartFormat.parse("eps"));
        assertEquals("unknown chart format 'eps': expected one of png, svg, pdf", e.getMessage());
    }

    @Test
    void onlyPngIsRaster() {
        assertFalse(ChartFormat.PNG.isVector());
        assertTrue(ChartFormat.SVG.isVector());
        assertTrue(ChartFormat.PDF.isVector());
        assertEquals("pdf", ChartFormat.PDF.extension());
    }
}
