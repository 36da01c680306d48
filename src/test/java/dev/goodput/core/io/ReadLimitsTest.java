package dev.goodput.core.io;

import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every reader stops at the limits with one message naming the limit and its option; lenient keeps what came before. */
class ReadLimitsTest {
    private static final String HEADER = "{\"schema\":1,\"event\":\"job_start\",\"time\":0}\n"
            + "{\"event\":\"step\",\"step\":1,\"start\":0,\"end\":10}\n";

    @TempDir
    Path dir;

    @Test
    void aLineLongerThanTheLimitInAGzipRunLogIsRefusedNamingItsLineAndOption() throws Exception {
        // 17 MiB of one line packs into a few KB: the issue's "2 MB gzip of a 2 GiB line" in small.
        Path gz = gzip("long.jsonl.gz", HEADER, "{\"event\":\"fault\",\"time\":5,\"message\":\"", 17 << 20, "\"}\n");
        InputException e = assertThrows(InputException.class, () -> strict(gz));
        assertEquals(gz + ":3: expected lines of at most 16 MiB, found a longer one (limit --max-line-bytes; raise it "
                + "if the file is genuine)", e.getMessage());
        Run lenient = new RunLoader(LoadMode.LENIENT).load(List.of(gz));
        assertEquals(1, lenient.steps().size());
        assertTrue(lenient.problems().stream().anyMatch(p -> p.message().contains("--max-line-bytes")
                && p.message().endsWith("the lines before it are kept")), lenient.problems().toString());
    }

    @Test
    void aRaisedLineLimitReadsTheSameFile() throws Exception {
        Path gz = gzip("long.jsonl.gz", HEADER, "{\"event\":\"fault\",\"time\":5,\"message\":\"", 17 << 20, "\"}\n");
        ReadLimits raised = ReadLimits.DEFAULTS.with(Limit.LINE_BYTES, 32L << 20).with(Limit.STRING_BYTES, 32L << 20);
        Run run = new RunLoader(LoadOptions.of(LoadMode.STRICT).withLimits(raised)).load(List.of(gz));
        assertEquals(1, run.faults().size());
    }

    @Test
    void aCsvLineLongerThanTheLimitIsRefused() throws Exception {
        Path csv = dir.resolve("long.csv");
        Files.writeString(csv, "event,time,start,end,step,message\njob_start,0,,,,\nfault,5,,,,"
                + "x".repeat(2000) + "\n");
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.LINE_BYTES, 1024);
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadOptions.of(LoadMode.STRICT).withLimits(small)).load(List.of(csv)));
        assertEquals(csv + ":3: expected lines of at most 1 KiB, found a longer one (limit --max-line-bytes; raise it "
                + "if the file is genuine)", e.getMessage());
    }

    @Test
    void stepRangesExpandingPastTheStepLimitAreRefused() throws Exception {
        // The issue's 20 step_range lines of 10 M steps (6 GB and an OutOfMemoryError), at a small limit.
        Path file = ranges(600);
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.STEPS, 1000);
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadOptions.of(LoadMode.STRICT).withLimits(small)).load(List.of(file)));
        assertEquals(file + ":3: expected at most 1000 steps in a run, found 1200 with this step_range (limit "
                + "--max-steps; raise it if the file is genuine)", e.getMessage());
    }

    @Test
    void theDefaultStepLimitRefusesTwentyDocumentedMaximumRanges() throws Exception {
        Path file = ranges(10_000_000);
        InputException e = assertThrows(InputException.class, () -> strict(file));
        assertEquals(file + ":3: expected at most 10000000 steps in a run, found 20000000 with this step_range (limit "
                + "--max-steps; raise it if the file is genuine)", e.getMessage());
    }

    /** first..last whose difference overflows a long is as many steps as can be: refused, not read as none. */
    @Test
    void aStepRangeWhoseLengthOverflowsIsRefused() throws Exception {
        Path file = write("overflow.jsonl", HEADER + "{\"event\":\"step_range\",\"first\":-9223372036854775807,"
                + "\"last\":9223372036854775807,\"start\":0,\"end\":1000}\n");
        InputException e = assertThrows(InputException.class, () -> strict(file));
        assertEquals(file + ":3: expected at most 10000000 steps in one step_range", e.getMessage());
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedInARunLog() throws Exception {
        Path file = write("deep.jsonl", HEADER + "{\"event\":\"fault\",\"time\":5,\"x\":" + "[".repeat(100)
                + "]".repeat(100) + "}\n");
        InputException e = assertThrows(InputException.class, () -> strict(file));
        assertEquals(file + ":3: expected JSON nested at most 64 deep, found deeper (limit --max-depth; raise it if "
                + "the file is genuine)", e.getMessage());
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedInMlGoodputEntries() throws Exception {
        Path file = write("entries.json", "[{\"job_start_time\": 1704070800.0},\n{\"step_start_time\": 1704070805.0, "
                + "\"note\": \"" + "n".repeat(3000) + "\"}]\n");
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.STRING_BYTES, 2048);
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadOptions.of(LoadMode.STRICT).withLimits(small)).load(List.of(file)));
        assertEquals(file + ":2: expected JSON strings and names of at most 2 KiB, found a longer one (limit "
                + "--max-string-bytes; raise it if the file is genuine)", e.getMessage());
    }

    @Test
    void aKubernetesExportNestedTooDeepIsRefused() throws Exception {
        // Deep in the second item: detection reads the first.
        Path file = write("pods.json", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"Event\", \"reason\": \"Scheduled\", \"message\": \"m\", "
                + "\"lastTimestamp\": \"2024-03-07T15:27:02Z\", \"involvedObject\": {\"kind\": \"Pod\", \"name\": \"p\"}},\n"
                + "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"q\", \"x\": " + "[".repeat(80) + "]".repeat(80)
                + "}}]}\n");
        InputException e = assertThrows(InputException.class, () -> strict(file));
        assertEquals(file + ":3: expected JSON nested at most 64 deep, found deeper (limit --max-depth; raise it if "
                + "the file is genuine)", e.getMessage());
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimit() throws Exception {
        Path gz = gzip("bomb.jsonl.gz", HEADER, "", 4 << 20, "\n");
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.DECOMPRESSED_BYTES, 1L << 20);
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadOptions.of(LoadMode.STRICT).withLimits(small)).load(List.of(gz)));
        assertTrue(e.getMessage().startsWith(gz + ":3: expected at most 1 MiB once decompressed, found more from "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" compressed bytes (limit --max-decompressed-bytes; raise it if the file "
                + "is genuine)"), e.getMessage());
    }

    @Test
    void aGzipBombAsATrainerLogStopsAtTheDecompressedLimit() throws Exception {
        Path gz = gzip("bomb.log.gz", "[2024-03-07 15:27:02,646] INFO start\n", "", 4 << 20, "\n");
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.DECOMPRESSED_BYTES, 1L << 20);
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadOptions.of(LoadMode.STRICT).withLimits(small)).load(List.of(gz)));
        assertTrue(e.getMessage().contains("expected at most 1 MiB once decompressed")
                && e.getMessage().contains("(limit --max-decompressed-bytes; raise it if the file is genuine)"),
                e.getMessage());
    }

    @Test
    void aGzipCutShortNamesTheByteWhereItEndsAndKeepsTheLine() throws Exception {
        StringBuilder log = new StringBuilder(HEADER);
        for (int i = 2; i < 20_000; i++) {
            log.append("{\"event\":\"step\",\"step\":").append(i).append(",\"start\":").append(i * 10)
                    .append(",\"end\":").append(i * 10 + 10).append("}\n");
        }
        Path gz = gzip("cut.jsonl.gz", log.toString(), "", 0, "");
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        int size = whole.length / 2;
        InputException e = assertThrows(InputException.class, () -> strict(gz));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(gz.toString()) + ":\\d+: damaged gzip at byte "
                + size + " of " + size + ": expected more data: the file ends early \\(cut off while it was "
                + "copied\\?\\)"), e.getMessage());
    }

    @Test
    void aSmallGzipCutShortStillNamesItsLine() throws Exception {
        // Small enough that detection's first read meets the cut: the text before it must still reach the reader.
        StringBuilder log = new StringBuilder(HEADER);
        for (int i = 2; i < 300; i++) {
            log.append("{\"event\":\"step\",\"step\":").append(i).append(",\"start\":").append(i * 10)
                    .append(",\"end\":").append(i * 10 + 10).append("}\n");
        }
        Path gz = gzip("small-cut.jsonl.gz", log.toString(), "", 0, "");
        byte[] whole = Files.readAllBytes(gz);
        int size = whole.length * 3 / 4;
        Files.write(gz, Arrays.copyOf(whole, size));
        InputException e = assertThrows(InputException.class, () -> strict(gz));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(gz.toString()) + ":\\d+: damaged gzip at byte "
                + size + " of " + size + ": .*"), e.getMessage());
    }

    @Test
    void corruptGzipDataNamesTheByteWhereInflatingFailed() throws Exception {
        Path gz = gzip("bad.jsonl.gz", HEADER, "", 0, "");
        byte[] b = Files.readAllBytes(gz);
        // The first deflate block header, right after the 10-byte gzip header: 0b11 is a reserved block type. The
        // offset counts bytes from 1 (as cmp does): the 11th is the bad one. Found while detecting: no line yet.
        b[10] = (byte) 0xFF;
        Files.write(gz, b);
        InputException e = assertThrows(InputException.class, () -> strict(gz));
        assertEquals(gz + ": damaged gzip at byte 11 of " + b.length + ": expected valid compressed data (invalid "
                + "block type)", e.getMessage());
    }

    @Test
    void gzipHeaderAloneIsADamagedGzip() throws Exception {
        Path gz = dir.resolve("stub.jsonl.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8});
        InputException e = assertThrows(InputException.class, () -> strict(gz));
        assertEquals(gz + ": damaged gzip at byte 3 of 3: expected a gzip header, found the end of the file",
                e.getMessage());
    }

    /** A run log of 20 step_range records of {@code steps} steps each, 1000 µs apiece. */
    private Path ranges(long steps) throws IOException {
        StringBuilder log = new StringBuilder("{\"schema\":1,\"event\":\"job_start\",\"time\":0}\n");
        for (long i = 0; i < 20; i++) {
            log.append("{\"event\":\"step_range\",\"first\":").append(i * steps + 1).append(",\"last\":")
                    .append((i + 1) * steps).append(",\"start\":").append(i * 1000).append(",\"end\":")
                    .append((i + 1) * 1000).append("}\n");
        }
        return write("ranges.jsonl", log.toString());
    }

    private Run strict(Path file) throws InputException {
        return new RunLoader(LoadMode.STRICT).load(List.of(file));
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** {@code head}, then {@code repeat} bytes 'a' (a long line), then {@code tail}, gzip-compressed. */
    private Path gzip(String name, String head, String open, int repeat, String tail) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((head + open).getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, (byte) 'a');
            for (int left = repeat; left > 0; left -= chunk.length) {
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }
}
