package dev.goodput.chart.export;

import dev.goodput.chart.ChartStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

import static dev.goodput.chart.export.SampleChart.SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngExportTest {
    private final SampleChart chart = new SampleChart();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aPngIsTheChartAtItsScale(int scale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartExporter.write(chart, ChartStyle.screen(), SIZE, ChartFormat.PNG, scale, out);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(SIZE.width() * scale, png.getWidth());
        assertEquals(SIZE.height() * scale, png.getHeight());
        assertColour(SampleChart.RED, png, SampleChart.RED_CENTRE, scale);
        assertColour(SampleChart.BLUE, png, SampleChart.BLUE_CENTRE, scale);
        assertColour(SampleChart.GREEN, png, SampleChart.GREEN_CENTRE, scale);
        assertColour(Color.WHITE, png, new int[]{390, 210}, scale);
    }

    @Test
    void theChartPaintsItsOwnBackground() {
        BufferedImage dark = ChartExporter.image(chart, ChartStyle.screenDark(), SIZE, 2);
        assertEquals(BufferedImage.TYPE_INT_ARGB, dark.getType());
        assertColour(ChartStyle.screenDark().background(), dark, new int[]{390, 210}, 2);
    }

    @Test
    void textIsDrawn() {
        BufferedImage image = ChartExporter.image(chart, ChartStyle.screen(), SIZE, 1);
        int inked = 0;
        for (int y = 105; y < 185; y++) {
            for (int x = 20; x < 220; x++) {
                inked += image.getRGB(x, y) != Color.WHITE.getRGB() ? 1 : 0;
            }
        }
        assertTrue(inked > 300, "expected the labels' pixels, got " + inked);
    }

    @Test
    void scalesOtherThanOneTwoOrThreeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartExporter.write(
                chart, ChartStyle.screen(), SIZE, ChartFormat.PNG, 4, new ByteArrayOutputStream()));
        assertEquals("cannot write a PNG at scale 4: expected one of 1, 2, 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChartExporter.write(
                chart, ChartStyle.screen(), SIZE, ChartFormat.PNG, 0, new ByteArrayOutputStream()));
        assertThrows(IllegalArgumentException.class, () -> ChartExporter.image(chart, ChartStyle.screen(), SIZE, 0));
    }

    private static void assertColour(Color expected, BufferedImage image, int[] at, int scale) {
        int x = at[0] * scale;
        int y = at[1] * scale;
        assertEquals(Integer.toHexString(expected.getRGB()), Integer.toHexString(image.getRGB(x, y)),
                "colour at (" + x + ", " + y + ")");
    }
}
