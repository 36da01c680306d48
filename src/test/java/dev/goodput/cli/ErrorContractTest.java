package dev.goodput.cli;

import dev.goodput.core.io.ReaderCrash;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every failure reaches the user as {@code goodput: error: FILE[:LINE]: expected …} (or an internal error to report),
 * on one line, with no stack trace, parser internals or raw control characters.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrorContractTest {
    private static final String CLEAN = "sample-runs/clean-small/run.jsonl";

    @TempDir
    Path dir;

    /** A command standing for a reader with a bug. */
    @Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        @Override
        public Integer call() {
            String missing = null;
            try {
                return missing.length();
            } catch (NullPointerException e) {
                throw new ReaderCrash(Path.of("runs/rank0.log"), e);
            }
        }
    }

    private static CliRun withCrash(String... args) {
        CommandLine cl = GoodputCli.configure(GoodputCli.commandLine().addSubcommand(new Crash()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void aReadersBugIsAnInternalErrorNamingTheFileWithoutAStackTrace() {
        CliRun r = withCrash("crash");
        assertEquals(2, r.code());
        assertEquals("goodput: error: internal error reading runs/rank0.log: NullPointerException; please report"
                + System.lineSeparator(), r.err().replaceAll("NullPointerException: [^;]*;", "NullPointerException;"));
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void debugPrintsTheStackTraceAfterTheLine() {
        CliRun r = withCrash("crash", "--debug");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("goodput: error: internal error reading runs/rank0.log: NullPointerException"),
                r.err());
        assertTrue(r.err().contains("\tat dev.goodput.cli.ErrorContractTest$Crash.call"), r.err());
    }

    @Test
    void aFolderGivenAsTheWorkspaceSaysSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ws.goodput"));
        CliRun r = CliRun.of("report", "--workspace", folder.toString(), CLEAN);
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + folder + ": expected a regular file, found a folder"
                + System.lineSeparator(), r.err());
    }

    @Test
    void aFifoGivenAsTheWorkspaceIsRefusedWithoutBlocking() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("ws.goodput"));
        CliRun r = CliRun.of("report", "--workspace", fifo.toString());
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + fifo + ": expected a regular file, found a FIFO (named pipe) (only regular "
                + "files are read)" + System.lineSeparator(), r.err());
    }

    @Test
    void aFifoGivenAsAProfilerTraceIsRefusedNamingIt() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("trace.json"));
        CliRun r = CliRun.of("profile", fifo.toString());
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + fifo + ": expected a regular file, found a FIFO (named pipe) (only regular "
                + "files are read)" + System.lineSeparator(), r.err());
    }

    @Test
    void aLoopOfLinksIsNotFileNotFound() throws Exception {
        Path loop = TestInputs.linkLoop(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"));
        CliRun r = CliRun.of("profile", loop.toString());
        assertEquals("goodput: error: " + loop + ": expected a file, found a loop of symbolic links"
                + System.lineSeparator(), r.err());
    }

    @Test
    void aFileTheUserMayNotReadSaysPermissionDenied() throws Exception {
        Path log = Files.copy(Path.of(CLEAN), dir.resolve("locked.jsonl"));
        try {
            Files.setPosixFilePermissions(log, java.util.Set.of());
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions here");
        }
        assumeFalse(Files.isReadable(log), "running as root: every file is readable");
        CliRun r = CliRun.of("report", log.toString());
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + log + ": expected a readable file; permission denied"
                + System.lineSeparator(), r.err());
    }

    @Test
    void controlCharactersQuotedFromAnInputNeverReachTheTerminalRaw() throws Exception {
        Path log = Files.writeString(dir.resolve("esc.jsonl"), "{\"event\": \"job_start\", \"time\": "
                + "\"2025-03-03T09:00:00Z\"}\n{\"event\": \"step\", \"step\": \"\\u001b[2J\\u001b[31mred\", "
                + "\"start\": \"2025-03-03T09:01:00Z\", \"end\": \"2025-03-03T09:01:01Z\"}\n");
        CliRun r = CliRun.of("report", log.toString());
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + log + ":2: expected \"step\" to be a whole number (64-bit), found "
                + "\"\u241b[2J\u241b[31mred\"" + System.lineSeparator(), r.err());
    }
}
