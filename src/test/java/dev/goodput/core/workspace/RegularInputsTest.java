package dev.goodput.core.workspace;

import dev.goodput.core.io.InputException;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A workspace, an attribution file and a workspace's inputs are opened (or hashed) only when they are regular
 * files: a FIFO would block the first read forever. Each test is bounded, so a regression fails instead of hanging.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RegularInputsTest {
    private static final Path SAMPLE = Path.of("sample-runs/clean-small/run.jsonl");

    @TempDir
    Path dir;

    @Test
    void aFifoAsTheWorkspaceIsRefusedNamingIt() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("ws.goodput"));
        InputException e = assertThrows(InputException.class, () -> WorkspaceStore.load(fifo));
        assertEquals(fifo + ": expected a regular file, found a FIFO (named pipe) (only regular files are read)",
                e.getMessage());
    }

    @Test
    void aFifoAsAnAttributionFileIsRefused() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("team" + AttributionFile.EXTENSION));
        InputException e = assertThrows(InputException.class, () -> AttributionFile.read(fifo));
        assertEquals(fifo + ": expected a regular file, found a FIFO (named pipe) (only regular files are read)",
                e.getMessage());
    }

    @Test
    void aFolderAsTheWorkspaceSaysSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ws.goodput"));
        InputException e = assertThrows(InputException.class, () -> WorkspaceStore.load(folder));
        assertEquals(folder + ": expected a regular file, found a folder", e.getMessage());
    }

    @Test
    void aLoopOfLinksAsTheWorkspaceSaysSo() throws Exception {
        Path loop = TestInputs.linkLoop(dir.resolve("a.goodput"), dir.resolve("b.goodput"));
        InputException e = assertThrows(InputException.class, () -> WorkspaceStore.load(loop));
        assertEquals(loop + ": expected a file, found a loop of symbolic links", e.getMessage());
    }

    @Test
    void aLinkToAWorkspaceIsFollowed() throws Exception {
        Path file = dir.resolve("ws.goodput");
        WorkspaceStore.save(TestWorkspaces.rich(), file);
        Path link = Files.createSymbolicLink(dir.resolve("link.goodput"), file.getFileName());
        assertEquals(WorkspaceStore.load(file).value(), WorkspaceStore.load(link).value());
    }

    @Test
    void aWorkspaceInputThatIsNowAFifoIsNotHashedButReported() throws Exception {
        Path run = Files.copy(SAMPLE, dir.resolve("run.jsonl"));
        Workspace ws = Workspace.EMPTY.withInputs(List.of(InputRef.describe(run, dir)));
        Files.delete(run);
        TestInputs.fifo(run);
        InputStatus s = InputCheck.of(ws, dir).inputs().get(0);
        assertInstanceOf(InputStatus.Unreadable.class, s);
        assertEquals(run + ": expected a regular file, found a FIFO (named pipe) (only regular files are read)",
                s.describe());
    }

    @Test
    void aWorkspaceInputThatIsALinkLoopIsReportedAsSuch() throws Exception {
        Path run = Files.copy(SAMPLE, dir.resolve("run.jsonl"));
        Workspace ws = Workspace.EMPTY.withInputs(List.of(InputRef.describe(run, dir)));
        Files.delete(run);
        TestInputs.linkLoop(run, dir.resolve("other.jsonl"));
        assertEquals(List.of(run + ": expected a file, found a loop of symbolic links"),
                InputCheck.of(ws, dir).warnings());
    }

    @Test
    void aFingerprintOfAFifoIsRefusedBeforeReading() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("pipe"));
        assertThrows(InputException.class, () -> Fingerprint.of(fifo));
        assertThrows(InputException.class, () -> AttributionFile.read(fifo));
    }
}
