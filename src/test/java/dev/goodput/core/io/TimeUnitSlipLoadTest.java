package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Epoch times in the wrong unit (ms, µs, ns among seconds) and durations out of range, as each reader meets them. */
class TimeUnitSlipLoadTest {
    private static final long T0 = 1_717_000_000L; // 2024-05-29T16:26:40Z

    @TempDir
    Path dir;

    @Test
    void millisecondsAmongSecondsAreConvertedWithAWarningEvenOnTheFirstRecord() throws Exception {
        Path f = write("ms.jsonl",
                "{\"schema\":1,\"event\":\"run\",\"name\":\"t\",\"accelerators\":8}",
                "{\"event\":\"job_start\",\"time\":1717000000123}",
                "{\"event\":\"step\",\"step\":1,\"start\":" + (T0 + 10) + ",\"end\":" + (T0 + 20) + "}",
                "{\"event\":\"step\",\"step\":2,\"start\":" + (T0 + 20) + ",\"end\":" + (T0 + 30) + "}",
                "{\"event\":\"job_end\",\"time\":" + (T0 + 100) + ",\"reason\":\"completed\"}");
        Run run = load(f, LoadMode.STRICT);
        assertEquals(T0 * 1_000_000L + 123_000L, run.attempts().get(0).startUs());
        assertEquals(T0 * 1_000_000L + 123_000L, run.firstEventUs());
        assertProblem(run, f, 2, "\"time\" 1717000000123 looks like milliseconds among seconds; "
                + "read as 2024-05-29T16:26:40.123Z");
    }

    @Test
    void microsecondsInACsvRowAreConverted() throws Exception {
        Path f = write("us.csv",
                "event,time,start,end,step",
                "job_start," + T0 + ",,,",
                "step,,1717000010000000,1717000020000000,1",
                "step,,1717000020,1717000030,2",
                "job_end," + (T0 + 100) + ",,,");
        Run run = load(f, LoadMode.STRICT);
        assertEquals((T0 + 10) * 1_000_000L, run.steps().startUs(0));
        assertEquals((T0 + 20) * 1_000_000L, run.steps().endUs(0));
        assertProblem(run, f, 3, "\"start\" 1717000010000000 looks like microseconds among seconds; "
                + "read as 2024-05-29T16:26:50Z");
        assertProblem(run, f, 3, "\"end\" 1717000020000000 looks like microseconds among seconds; "
                + "read as 2024-05-29T16:27:00Z");
    }

    @Test
    void nanosecondsInAnMlGoodputEntryAreConverted() throws Exception {
        Path f = write("ml.json", "[",
                "{\"job_start_time\": " + T0 + "},",
                "{\"step_start_time\": " + (T0 + 5) + ", \"step_count\": 0},",
                "{\"step_start_time\": 1717000010000000000, \"step_count\": 1},",
                "{\"step_start_time\": " + (T0 + 15) + ", \"step_count\": 2},",
                "{\"job_end_time\": " + (T0 + 20) + "}",
                "]");
        Run run = load(f, LoadMode.STRICT);
        assertEquals((T0 + 10) * 1_000_000L, run.steps().startUs(1));
        assertProblem(run, f, 4, "\"step_start_time\" 1717000010000000000 looks like nanoseconds among seconds; "
                + "read as 2024-05-29T16:26:50Z");
    }

    @Test
    void aTimeInNoUnitNearTheOthersIsRefusedStrictAndSkippedLenient() throws Exception {
        // 1000000000000 ms is 2001-09-09: no unit puts it near the run's other times of 2024.
        Path f = write("far.jsonl",
                "{\"event\":\"job_start\",\"time\":" + T0 + "}",
                "{\"event\":\"fault\",\"time\":1000000000000,\"cause\":\"x\"}",
                "{\"event\":\"step\",\"step\":1,\"start\":" + (T0 + 10) + ",\"end\":" + (T0 + 20) + "}",
                "{\"event\":\"job_end\",\"time\":" + (T0 + 100) + "}");
        String expected = "expected \"time\" in seconds near the run's other times (2024-05-29T16:26:40Z to "
                + "2024-05-29T16:28:20Z), found 1000000000000";
        InputException e = assertThrows(InputException.class, () -> load(f, LoadMode.STRICT));
        assertEquals(new Source(f.toString(), 2), e.source());
        assertEquals(expected, e.detail());
        Run run = load(f, LoadMode.LENIENT);
        assertTrue(run.faults().isEmpty());
        assertProblem(run, f, 2, expected + "; line skipped");
    }

    @Test
    void aFileWhollyInMillisecondsIsReadInMilliseconds() throws Exception {
        Path f = write("allms.jsonl",
                "{\"event\":\"job_start\",\"time\":1717000000000}",
                "{\"event\":\"step\",\"step\":1,\"start\":1717000010000,\"end\":1717000020000}",
                "{\"event\":\"job_end\",\"time\":1717000100000}");
        Run run = load(f, LoadMode.STRICT);
        assertEquals(T0 * 1_000_000L, run.firstEventUs());
        assertEquals((T0 + 100) * 1_000_000L, run.lastEventUs());
        assertProblem(run, f, 3, "\"time\" 1717000100000 looks like milliseconds, as do most of this file's times "
                + "(the format's unit is seconds); read as 2024-05-29T16:28:20Z");
    }

    @Test
    void aLongFileInMillisecondsIsSettledEarlyAndReadWhole() throws Exception {
        int steps = RunLogEventMapper.HOLD_LIMIT + 50;
        StringBuilder b = new StringBuilder("{\"event\":\"job_start\",\"time\":1717000000000}\n");
        for (int i = 0; i < steps; i++) {
            long s = 1_717_000_000_000L + 1000L * (i + 1);
            b.append("{\"event\":\"step\",\"step\":").append(i).append(",\"start\":").append(s)
                    .append(",\"end\":").append(s + 1000).append("}\n");
        }
        Path f = write("long-ms.jsonl", b.toString());
        Run run = load(f, LoadMode.STRICT);
        assertEquals(steps, run.steps().size());
        assertEquals((T0 + steps + 1) * 1_000_000L, run.lastEventUs());
        assertProblem(run, f, 0, "and " + (1 + 2L * steps - 20) + " more times read in milliseconds, microseconds or "
                + "nanoseconds; not listed");
    }

    @Test
    void anAbsurdCheckpointDurationIsRefusedNamingTheRange() throws Exception {
        Path f = write("ckpt.jsonl",
                "{\"event\":\"job_start\",\"time\":" + T0 + "}",
                "{\"event\":\"checkpoint\",\"step\":1,\"time\":" + (T0 + 10) + ",\"blocking_seconds\":1e12}",
                "{\"event\":\"job_end\",\"time\":" + (T0 + 100) + "}");
        InputException e = assertThrows(InputException.class, () -> load(f, LoadMode.STRICT));
        assertEquals(new Source(f.toString(), 2), e.source());
        assertEquals("expected \"blocking_seconds\" to be a number of seconds from 0 to 31622400 (366 days), "
                + "found \"1e12\"", e.detail());
    }

    @Test
    void anAbsurdDurationIsRefusedNotAddedUp() throws Exception {
        Path f = write("dur.jsonl",
                "{\"event\":\"job_start\",\"time\":" + T0 + "}",
                "{\"event\":\"downtime\",\"kind\":\"other\",\"start\":" + (T0 + 10) + ",\"duration\":\"NaN\"}",
                "{\"event\":\"job_end\",\"time\":" + (T0 + 100) + "}");
        InputException e = assertThrows(InputException.class, () -> load(f, LoadMode.STRICT));
        assertEquals("expected \"duration\" to be a number of seconds from 0 to 31622400 (366 days), "
                + "found \"NaN\"", e.detail());
    }

    @Test
    void aNumberTooLargeForAnyUnitIsRefusedNotOverflowed() throws Exception {
        Path f = write("y.jsonl",
                "{\"event\":\"job_start\",\"time\":" + T0 + "}",
                "{\"event\":\"fault\",\"time\":1e30,\"cause\":\"x\"}",
                "{\"event\":\"job_end\",\"time\":" + (T0 + 100) + "}");
        InputException e = assertThrows(InputException.class, () -> load(f, LoadMode.STRICT));
        assertEquals(new Source(f.toString(), 2), e.source());
        // No unit makes it a time (past nanoseconds of 2286): said as for any value that is not a time.
        assertEquals("expected \"time\" to be an ISO-8601 time with offset (2024-05-01T12:00:00Z) or epoch seconds, "
                + "found \"1e30\"", e.detail());
    }

    @Test
    void negativeAndNonFiniteMlGoodputDurationsAreRefusedNotDropped() throws Exception {
        Path f = write("neg.json", "[",
                "{\"job_start_time\": " + T0 + "},",
                "{\"step_start_time\": " + (T0 + 5) + ", \"step_count\": 0},",
                "{\"event_type\": \"save\", \"step\": 0, \"checkpoint_manager_blocking_duration_secs\": -5},",
                "{\"event_type\": \"restore\", \"step\": 0, \"checkpoint_manager_duration_secs\": \"Infinity\"},",
                "{\"step_start_time\": " + (T0 + 15) + ", \"step_count\": 1},",
                "{\"job_end_time\": " + (T0 + 20) + "}",
                "]");
        InputException e = assertThrows(InputException.class, () -> load(f, LoadMode.STRICT));
        assertEquals(new Source(f.toString(), 4), e.source());
        assertEquals("expected \"checkpoint_manager_blocking_duration_secs\" to be a number of seconds from 0 to "
                + "31622400 (366 days), found \"-5\"", e.detail());
        Run run = load(f, LoadMode.LENIENT);
        assertProblem(run, f, 5, "expected \"checkpoint_manager_duration_secs\" to be a number of seconds from 0 "
                + "to 31622400 (366 days), found \"Infinity\"; entry skipped");
        assertTrue(run.checkpoints().isEmpty());
    }

    private Run load(Path f, LoadMode mode) throws InputException {
        return new RunLoader(mode).load(List.of(f));
    }

    private static void assertProblem(Run run, Path f, long line, String message) {
        List<String> said = run.problems().stream().map(Problem::toString).toList();
        assertTrue(run.problems().stream().anyMatch(p -> p.source() != null && p.source().line() == line
                        && p.source().file().equals(f.toString()) && p.message().equals(message)),
                "expected at line " + line + ": " + message + "\nfound: " + said);
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }
}
