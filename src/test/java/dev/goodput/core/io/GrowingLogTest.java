package dev.goodput.core.io;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run log still being written is read to the end it has when read: a last record cut mid-write is left out
 * with a warning (strict too), and a file growing while it is read neither fails the load nor keeps it going.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GrowingLogTest {
    private static final String HEAD = "{\"schema\":1,\"event\":\"run\",\"name\":\"live\",\"accelerators\":8}\n"
            + "{\"event\":\"job_start\",\"time\":\"2024-05-01T12:00:00Z\",\"attempt\":1}\n";

    @TempDir
    Path dir;

    private static String step(int i) {
        return "{\"event\":\"step\",\"step\":" + i + ",\"start\":" + (1714564800 + 10 + i) + ",\"end\":"
                + (1714564800 + 11 + i) + "}\n";
    }

    @Test
    void aLastLineCutMidRecordIsAWarningEvenWhenStrict() throws Exception {
        String cut = step(2).substring(0, 30);
        Path log = Files.writeString(dir.resolve("live.jsonl"), HEAD + step(1) + cut);
        for (LoadMode mode : LoadMode.values()) {
            Run run = new RunLoader(mode).load(List.of(log));
            assertEquals(1, run.steps().size(), mode.toString());
            assertTrue(run.problems().contains(Problem.warning(new Source(log.toString(), 4), "expected the rest of "
                    + "the last line; the file ends mid-record (still being written?), so it is left out")),
                    run.problems().toString());
        }
    }

    @Test
    void aBrokenLastLineThatWasFinishedIsStillAnError() throws Exception {
        Path log = Files.writeString(dir.resolve("done.jsonl"), HEAD + step(1) + step(2).substring(0, 30) + "\n");
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadMode.STRICT).load(List.of(log)));
        assertEquals(log + ":4: expected the rest of a field name; the line ends inside it", e.getMessage());
    }

    @Test
    void aLogAppendedToWhileItIsReadLoadsWhatIsThere() throws Exception {
        Path log = dir.resolve("growing.jsonl");
        StringBuilder start = new StringBuilder(HEAD);
        for (int i = 0; i < 20_000; i++) {
            start.append(step(i));
        }
        Files.writeString(log, start);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                for (int i = 20_000; !stop.get() && i < 2_000_000; i++) {
                    byte[] line = step(i).getBytes(StandardCharsets.UTF_8);
                    out.write(line, 0, 17); // a record written in two pieces: a reader may see half of it
                    out.flush();
                    writing.countDown();
                    out.write(line, 17, line.length - 17);
                    out.flush();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            assertTrue(writing.await(10, TimeUnit.SECONDS));
            for (LoadMode mode : LoadMode.values()) {
                Run run = new RunLoader(mode).load(List.of(log));
                assertTrue(run.steps().size() >= 20_000, mode + ": " + run.steps().size());
                assertFalse(run.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR),
                        run.problems().toString());
            }
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
