package dev.goodput.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read limits as options of the commands that read files, and out-of-memory as one line. */
class ReadLimitOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aLineOverMaxLineBytesIsRefusedNamingTheOption() throws Exception {
        Path log = dir.resolve("run.jsonl");
        Files.writeString(log, "{\"schema\":1,\"event\":\"job_start\",\"time\":0}\n{\"event\":\"fault\",\"time\":5,"
                + "\"message\":\"" + "m".repeat(3000) + "\"}\n");
        CliRun r = CliRun.of("report", "--max-line-bytes", "2K", log.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("goodput: error: " + log + ":2: expected lines of at most 2 KiB, found a longer one (limit "
                + "--max-line-bytes; raise it if the file is genuine)\n", r.err());
        CliRun raised = CliRun.of("report", "--max-line-bytes", "4KiB", log.toString());
        assertEquals(0, raised.code(), raised.err());
    }

    @Test
    void stepRangesOverMaxStepsAreRefused() throws Exception {
        Path log = dir.resolve("ranges.jsonl");
        Files.writeString(log, "{\"schema\":1,\"event\":\"job_start\",\"time\":0}\n"
                + "{\"event\":\"step_range\",\"first\":1,\"last\":800,\"start\":0,\"end\":800}\n"
                + "{\"event\":\"step_range\",\"first\":801,\"last\":1600,\"start\":800,\"end\":1600}\n");
        CliRun r = CliRun.of("report", "--max-steps", "1000", log.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("goodput: error: " + log + ":3: expected at most 1000 steps in a run, found 1600 with this "
                + "step_range (limit --max-steps; raise it if the file is genuine)\n", r.err());
    }

    @Test
    void exportTakesTheLimitsToo() throws Exception {
        Path log = dir.resolve("deep.jsonl");
        Files.writeString(log, "{\"schema\":1,\"event\":\"job_start\",\"time\":0,\"x\":" + "[".repeat(10)
                + "]".repeat(10) + "}\n");
        CliRun r = CliRun.of("export", "--max-depth", "5", "--chart", "waterfall", "--out",
                dir.resolve("w.svg").toString(), log.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("goodput: error: " + log + ":1: expected JSON nested at most 5 deep, found deeper (limit "
                + "--max-depth; raise it if the file is genuine)\n", r.err());
    }

    @Test
    void profileTakesTheLimitsToo() throws Exception {
        Path trace = dir.resolve("rank0.json");
        Files.writeString(trace, "{\"traceEvents\": [\n{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": \""
                + "k".repeat(3000) + "\", \"ts\": 1, \"dur\": 2}\n]}\n");
        CliRun r = CliRun.of("profile", "--max-string-bytes", "1K", trace.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("goodput: error: " + trace + ":2: expected JSON strings and names of at most 1 KiB, found a "
                + "longer one (limit --max-string-bytes; raise it if the file is genuine)\n", r.err());
    }

    @Test
    void aSizeThatIsNotOneIsAUsageError() {
        CliRun r = CliRun.of("report", "--max-line-bytes", "lots", "x.jsonl");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("goodput: error: Invalid value for option '--max-line-bytes': expected a size "
                + "such as 16M, 16MiB or 65536, found \"lots\""), r.err());
    }

    @Test
    void theLimitsAreInTheHelp() {
        CliRun r = CliRun.of("report", "--help");
        for (String option : new String[] {"--max-line-bytes", "--max-depth", "--max-string-bytes",
                "--max-decompressed-bytes", "--max-steps"}) {
            assertTrue(r.out().contains(option), option);
        }
    }

    /** Throws what a reader would throw when the heap runs out. */
    @Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsOneLineAndANonZeroExit() {
        CommandLine cl = GoodputCli.configure(new CommandLine(new Hungry()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = GoodputCli.execute(cl);
        assertEquals(2, code);
        assertEquals("goodput: error: out of memory; raise the heap (java -Xmx, e.g. java -Xmx8g -jar "
                + "goodput-workbench.jar ...) or lower --max-steps\n", err.toString());
        assertFalse(err.toString().contains("at dev.goodput"));
    }
}
