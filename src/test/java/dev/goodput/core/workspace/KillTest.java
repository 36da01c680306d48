package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills an editing session (a child JVM) at random moments, mid-write as often as not, and checks after each kill
 * that nothing is lost or corrupted: the workspace and its recovery each parse and hold the edits in order with
 * none missing in between, the recovered state has every edit the session reported autosaved, the input is
 * byte-identical, and at most one temporary file is left (which opening clears).
 */
class KillTest {
    /**
     * Kills per run: 12 in the default build; the kill100 profile ({@code ./mvnw -Pkill100 test}, .ci/run) sets
     * {@code goodput.killRounds} to 100 (docs/robustness.md).
     */
    private static final int ROUNDS = Integer.getInteger("goodput.killRounds", 12);
    private static final int SAVE_EVERY = 7;

    @TempDir
    Path dir;

    @Test
    void killingTheSessionAtAnyMomentLosesNoEditAndCorruptsNoFile() throws Exception {
        Path input = Files.copy(Path.of("sample-runs/clean-small/run.jsonl"), dir.resolve("run.jsonl"));
        byte[] original = Files.readAllBytes(input);
        Path file = dir.resolve("session.goodput");
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Random random = new Random(20250303);
        int expectedResume = 0;
        int midWrite = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Session s = Session.start(file, input, logs.resolve("round-" + round + ".txt"));
            int resumedAt = s.awaitResumed();
            assertEquals(expectedResume, resumedAt, "the session resumed from the wrong edit");
            boolean ended = s.process.waitFor(random.nextInt(300), TimeUnit.MILLISECONDS);
            assertFalse(ended, "the session failed on its own (see its stderr above)");
            s.process.destroyForcibly();
            assertTrue(s.process.waitFor(30, TimeUnit.SECONDS), "the session did not end");
            // Edits the session reported done: every one of them must survive the kill.
            int autosaved = Math.max(resumedAt, s.last("autosaved ").orElse(0));
            int saved = s.last("saved ").orElse(0);

            assertTrue(temps().size() <= 1, "temporary files left: " + temps());
            midWrite += temps().size();
            int inWorkspace = Files.exists(file) ? editsIn(WorkspaceJson.read(file).value()) : 0;
            assertTrue(inWorkspace >= saved, "the workspace lost saved edits: " + inWorkspace + " < " + saved);
            RecoveryFile recovery = RecoveryFile.of(file);
            int inRecovery = Files.exists(recovery.path()) ? editsIn(WorkspaceJson.read(recovery.path()).value()) : 0;
            // What the app would reopen: the recovery when it holds unsaved edits, else the workspace.
            int recovered = recovery.pending().isPresent() ? inRecovery : inWorkspace;
            assertTrue(recovered >= autosaved, "round " + round + ": an autosaved edit was lost: " + recovered + " < "
                    + autosaved + " (workspace " + inWorkspace + ", recovery " + inRecovery + ")");
            assertTrue(recovered <= autosaved + 1, "at most the one edit being written when killed is unreported");
            assertEquals(-1, Files.mismatch(input, write(original)), "the input changed");

            // Starting again, as the app does: look for recoveries (which clears killed writes' temporary files).
            List<RecoveryFile.Recovery> offered = RecoveryFile.find(dir);
            assertEquals(recovery.pending().isPresent() ? List.of(recovery) : List.of(),
                    offered.stream().map(RecoveryFile.Recovery::file).toList());
            assertEquals(List.of(), temps());
            expectedResume = recovered;
        }
        // Nearly all a session does is write; if no kill caught a write in flight, this test proved little.
        assertTrue(midWrite > 0, "no kill landed in the middle of a write");
    }

    /** The number of edits, after checking they are edits 1..n in order: a prefix of the session, no gap. */
    private static int editsIn(Workspace ws) {
        List<Tag> tags = ws.overlay().tags();
        for (int i = 0; i < tags.size(); i++) {
            assertEquals(TestWorkspaces.edit(i + 1), tags.get(i));
        }
        return tags.size();
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("original.bytes"), bytes);
    }

    /**
     * A running session. Its stdout goes to a file, not a pipe: killing a process closes the pipe's reading end
     * too, dropping lines it wrote but nobody had read yet, while a file keeps every line the child wrote.
     */
    private record Session(Process process, Path log) {
        static Session start(Path file, Path input, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    EditingSession.class.getName(), file.toString(), input.toString(), "100000",
                    String.valueOf(SAVE_EVERY)).redirectOutput(log.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Session(p, log);
        }

        /** Waits until the session has resumed, and says from which edit. */
        int awaitResumed() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Optional<Integer> n = last("resumed ");
                if (n.isPresent()) {
                    return n.get();
                }
                assertTrue(process.isAlive(), "the session ended before it started editing");
                Thread.sleep(5);
            }
            throw new AssertionError("the session did not start");
        }

        /** The number in the last whole line starting with {@code prefix} ("autosaved 12"). */
        Optional<Integer> last(String prefix) throws IOException {
            String text = Files.readString(log);
            String whole = text.substring(0, text.lastIndexOf('\n') + 1); // a kill may cut the last line short
            Optional<Integer> found = Optional.empty();
            for (String line : whole.lines().toList()) {
                if (line.startsWith(prefix)) {
                    found = Optional.of(Integer.parseInt(line.substring(prefix.length())));
                }
            }
            return found;
        }
    }
}
