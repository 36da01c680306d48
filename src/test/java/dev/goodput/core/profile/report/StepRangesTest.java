package dev.goodput.core.profile.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepRangesTest {
    @Test
    void foldsConsecutiveStepsIntoRanges() {
        assertEquals("1–449 (449 steps)", StepRanges.of(LongStream.rangeClosed(1, 449).boxed().toList()));
        assertEquals("3, 7–9, 12 (5 steps)", StepRanges.of(List.of(3L, 7L, 8L, 9L, 12L)));
    }

    @Test
    void twoInARowAndSingleStepsStayPlain() {
        assertEquals("4, 5 (2 steps)", StepRanges.of(List.of(4L, 5L)));
        assertEquals("6", StepRanges.of(List.of(6L)));
        assertEquals("none", StepRanges.of(List.of()));
    }
}
