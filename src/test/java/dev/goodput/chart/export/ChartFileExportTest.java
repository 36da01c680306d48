package dev.goodput.chart.export;

import dev.goodput.chart.Chart;
import dev.goodput.chart.ChartStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.goodput.chart.export.SampleChart.SIZE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartFileExportTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ChartFormat.class)
    void aFileIsWrittenWithNothingLeftBeside(ChartFormat format) throws IOException {
        Path file = dir.resolve("chart." + format.extension());
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, format, 2, file);

        assertEquals(List.of(file), list(dir));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, format, 2, expected);
        if (format != ChartFormat.PDF) { // a PDF carries its creation time
            assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
        }
    }

    @Test
    void anExistingFileIsReplaced() throws IOException {
        Path file = dir.resolve("chart.svg");
        Files.writeString(file, "an older chart");
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, ChartFormat.SVG, 1, file);
        assertTrue(Files.readString(file, UTF_8).contains(SampleChart.SYMBOL_LABEL));
        assertEquals(List.of(file), list(dir));
    }

    @ParameterizedTest
    @EnumSource(ChartFormat.class)
    void aFailedPaintLeavesTheExistingFileUntouched(ChartFormat format) throws IOException {
        Path file = dir.resolve("chart." + format.extension());
        Files.writeString(file, "the previous export");
        Chart failing = new Chart() {
            @Override
            public void paint(Graphics2D g, ChartStyle style, double width, double height) {
                new SampleChart().paint(g, style, width, height);
                throw new IllegalStateException("the chart broke half way");
            }

            @Override
            public String name() {
                return "failing";
            }
        };

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartExporter.write(failing, ChartStyle.screen(), SIZE, format, 1, file));
        assertEquals("the chart broke half way", e.getMessage());
        assertEquals("the previous export", Files.readString(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aRejectedScaleWritesNothing() throws IOException {
        Path file = dir.resolve("chart.png");
        assertThrows(IllegalArgumentException.class,
                () -> ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, ChartFormat.PNG, 4, file));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void concurrentExportsDoNotDisturbEachOther() throws Exception {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, ChartFormat.SVG, 1, svg);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, ChartFormat.PNG, 1, png);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ChartFormat format = ChartFormat.values()[i % 3];
                Path file = dir.resolve("chart-" + i + "." + format.extension());
                files.add(pool.submit(() -> {
                    ChartExporter.write(new SampleChart(), ChartStyle.screen(), SIZE, format, 1, file);
                    return file;
                }));
            }
            for (Future<Path> future : files) {
                Path file = future.get();
                switch (ChartFormat.fromFileName(file.toString())) {
                    case SVG -> assertArrayEquals(svg.toByteArray(), Files.readAllBytes(file));
                    case PNG -> assertArrayEquals(png.toByteArray(), Files.readAllBytes(file));
                    case PDF -> assertTrue(Files.size(file) > 1000);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(24, list(dir).size());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
