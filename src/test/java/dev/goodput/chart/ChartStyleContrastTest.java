package dev.goodput.chart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Color;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every colour the timeline draws reads against the page it is drawn on, light, dark or exported (WCAG 2). */
class ChartStyleContrastTest {

    static Stream<Arguments> styles() {
        return Stream.of(Arguments.of("screen", ChartStyle.screen()), Arguments.of("dark", ChartStyle.screenDark()),
                Arguments.of("presentation", ChartStyle.presentation("t", "s", "c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void textAndAxisLabelsHaveAtLeast4point5To1(String name, ChartStyle s) {
        assertAtLeast(4.5, s.text(), s.background(), "text");
        assertAtLeast(4.5, s.mutedText(), s.background(), "muted text (elapsed-time axis labels)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void laneOutlinesAndMarksAreVisible(String name, ChartStyle s) {
        assertAtLeast(3, s.outline(), s.background(), "lane outline");
        assertAtLeast(3, s.attemptCompleted(), s.background(), "completed attempt");
        assertAtLeast(3, s.attemptDisrupted(), s.background(), "disrupted attempt");
        assertAtLeast(3, s.checkpoint(), s.background(), "checkpoint");
        assertAtLeast(3, s.profile(), s.background(), "profile");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void anomalousStepsDoNotLookLikeGaps(String name, ChartStyle s) {
        // A gap in the step lane is the page itself: an anomalous step must stand out from it more than any other.
        assertAtLeast(4.5, s.anomalousStep(), s.background(), "anomalous step");
        assertNotEquals(s.background().getRGB(), s.anomalousStep().getRGB());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void completedAndDisruptedAttemptsDiffer(String name, ChartStyle s) {
        assertTrue(ChartStyle.contrast(s.attemptCompleted(), s.attemptDisrupted()) > 1.05
                || Math.abs(s.attemptCompleted().getRed() - s.attemptDisrupted().getRed()) > 60, name);
    }

    private static void assertAtLeast(double ratio, Color fg, Color bg, String what) {
        double c = ChartStyle.contrast(fg, bg);
        assertTrue(c >= ratio, what + " contrast " + c + " < " + ratio);
    }
}
