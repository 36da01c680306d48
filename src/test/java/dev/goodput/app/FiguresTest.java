package dev.goodput.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
