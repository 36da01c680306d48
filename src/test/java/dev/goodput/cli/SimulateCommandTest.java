package dev.goodput.cli;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void writesAGzipRunLogThatLoadsStrictlyAndIsReproducible() throws Exception {
        Path a = dir.resolve("a.jsonl.gz");
        Path b = dir.resolve("b.jsonl.gz");
        String[] common = {"--seed", "11", "--days", "2", "--accelerators", "4096", "--start", "2025-01-06T00:00:00Z"};
        assertEquals(0, run(concat(common, "--out", a.toString())));
        assertEquals(0, run(concat(common, "--out", b.toString())));
        byte[] bytes = Files.readAllBytes(a);
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertArrayEquals(bytes, Files.readAllBytes(b));

        Run loaded = new RunLoader(LoadMode.STRICT).load(List.of(a));
        assertEquals(4096, loaded.metadata().acceleratorCount());
        assertEquals(1_736_121_600_000_000L, loaded.attempts().get(0).startUs());
        assertTrue(loaded.steps().size() > 1000);
    }

    @Test
    void writesPlainJsonLinesWithoutGz() throws Exception {
        Path out = dir.resolve("run.jsonl");
        assertEquals(0, run("--days", "0.5", "--name", "tiny", "--step-seconds", "30", "--out", out.toString()));
        String first = Files.readAllLines(out).get(0);
        assertTrue(first.startsWith("{") && first.contains("\"tiny\""), first);
        Run loaded = new RunLoader(LoadMode.STRICT).load(List.of(out));
        assertEquals(30.0, (loaded.steps().endUs(5) - loaded.steps().startUs(5)) / 1e6, 3.0);
    }

    @Test
    void rejectsMissingOutputAndNonsenseNumbers() {
        assertNotEquals(0, run("--days", "1"));
        assertEquals(1, run("--days", "0", "--out", dir.resolve("x.jsonl").toString()));
        assertEquals(1, run("--accelerators", "-3", "--out", dir.resolve("x.jsonl").toString()));
        assertTrue(Files.notExists(dir.resolve("x.jsonl")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
