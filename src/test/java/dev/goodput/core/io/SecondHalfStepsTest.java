package dev.goodput.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second half's steps are taken past the other lines between them (a checkpoint every few steps, as real logs
 * have), a run of step lines per segment; what the reader then makes of them is {@link JsonLinesFastPathProperties}'.
 */
class SecondHalfStepsTest {
    @TempDir
    Path dir;

    @Test
    void takesEveryStepOfTheSecondHalfAcrossCheckpointLines() throws IOException {
        StringBuilder log = new StringBuilder("{\"event\":\"job_start\",\"time\":\"2023-11-14T22:13:20Z\"}\n");
        for (int i = 0; i < 1000; i++) {
            log.append("{\"event\":\"step\",\"step\":").append(i).append(",\"start\":\"2023-11-14T22:")
                    .append(String.format("%02d:%02d", 14 + i / 60, i % 60)).append("Z\",\"tokens\":8}\n");
            if (i % 10 == 9) {
                log.append("{\"event\":\"checkpoint\",\"step\":").append(i)
                        .append(",\"time\":\"2023-11-15T00:00:00Z\",\"blocking_seconds\":2}\n\n");
            }
        }
        Path file = dir.resolve("run.jsonl");
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);

        SecondHalfSteps half = SecondHalfSteps.start(file, ReadLimits.DEFAULTS, 0);
        int segments = half.join();

        String text = log.toString();
        int from = (int) half.startOffset();
        assertEquals('\n', text.charAt(from - 1), "starts at a line");
        assertTrue(from >= bytes.length * 9L / 20, "a little before the middle");
        int expected = (int) text.substring(from).lines().filter(l -> l.contains("\"event\":\"step\"")).count();
        int lastSegment = segments - 1;
        assertEquals(expected, half.segmentTo(lastSegment), "every step after the middle");
        assertTrue(segments >= expected / 10, "a segment per run of steps between checkpoints: " + segments);
        for (int s = 0; s < segments; s++) {
            String first = text.substring((int) half.segmentStart(s), text.indexOf('\n', (int) half.segmentStart(s)));
            assertTrue(first.contains("\"step\":" + half.number(half.segmentFrom(s)) + ","), first);
            int stop = (int) half.segmentStop(s);
            assertTrue(stop == text.length() || !text.substring(stop, text.indexOf('\n', stop))
                    .contains("\"event\":\"step\""), "a segment ends before a line that is not a step");
        }
        assertTrue(text.substring((int) half.segmentStop(lastSegment)).startsWith("{\"event\":\"checkpoint\",\"step\":999,"),
                "the last segment ends at the last checkpoint");
    }

    @Test
    void leavesASmallOrCompressedFileToTheReader() throws IOException {
        Path small = dir.resolve("small.jsonl");
        Files.writeString(small, "{\"event\":\"job_start\",\"time\":\"2023-11-14T22:13:20Z\"}\n");
        assertNull(SecondHalfSteps.start(small, ReadLimits.DEFAULTS, SecondHalfSteps.MIN_BYTES));
        Path gz = dir.resolve("run.jsonl.gz");
        Files.write(gz, new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
        assertNull(SecondHalfSteps.start(gz, ReadLimits.DEFAULTS, 0));
    }
}
